import { Connection } from '@temporalio/client';
import { closeSvgRenderer } from '../activities/validate/svg-renderer';
import { loadConfig } from '../config/load-config';
import { registerSearchAttributes } from '../temporal/register-search-attributes';
import { createSpecWorker } from './create-worker';
import { wireActivities } from './wire-activities';

/** A worker on its own (docker-compose, a second terminal, the crash test): TEMPORAL_ADDRESS or the local dev server. */
const config = loadConfig();
const address = config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`;
const client = await Connection.connect({ address });
// A server specforge did not start may lack the attributes the workflow upserts.
await registerSearchAttributes(client, config.TEMPORAL_NAMESPACE);
await client.close();
const { worker, connection } = await createSpecWorker({
  address,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  activities: wireActivities(config),
});
console.log(`specforge worker polling ${config.TEMPORAL_TASK_QUEUE} on ${address}`);
await worker.run();
await connection.close();
await closeSvgRenderer();
