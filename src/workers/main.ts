import { loadConfig } from '../config/load-config';
import { wireActivities } from './wire-activities';
import { createSpecWorker } from './create-worker';

/** A worker on its own (docker-compose, or a second terminal): TEMPORAL_ADDRESS or the local dev server. */
const config = loadConfig();
const address = config.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const { worker, connection } = await createSpecWorker({ address, namespace: config.TEMPORAL_NAMESPACE, taskQueue: config.TEMPORAL_TASK_QUEUE, activities: wireActivities(config) });
console.log(`specforge worker polling ${config.TEMPORAL_TASK_QUEUE} on ${address}`);
await worker.run();
await connection.close();
