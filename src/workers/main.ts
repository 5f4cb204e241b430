import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { ArtifactStore } from '../activities/artifacts/artifact-store';
import { closeSvgRenderer } from '../activities/validate/svg-renderer';
import { configuredSecrets } from '../config/configured-secrets';
import { decisionKeyFor } from '../config/decision-key';
import { loadConfig } from '../config/load-config';
import { RedactingLogger } from '../logging/redacting-logger';
import { registerSearchAttributes } from '../temporal/register-search-attributes';
import { createSpecWorker } from './create-worker';
import { scheduleEviction } from './eviction-schedule';
import { wireActivities } from './wire-activities';

/** A worker on its own (docker-compose, a second terminal, the crash test): TEMPORAL_ADDRESS or the local dev server. */
const config = loadConfig();
// Secrets echoed by a server into a failure never reach the worker's log.
Runtime.install({
  logger: new RedactingLogger(new DefaultLogger('INFO'), configuredSecrets(config, [decisionKeyFor(config)])),
});
const address = config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`;
const client = await Connection.connect({ address });
// A server specforge did not start may lack the attributes the workflow upserts.
await registerSearchAttributes(client, config.TEMPORAL_NAMESPACE);
const { worker, connection } = await createSpecWorker({
  address,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  activities: wireActivities(config),
});
// Asks Temporal which runs are closed, so no open run's files are ever removed.
const eviction = scheduleEviction({
  store: new ArtifactStore(config.SPECFORGE_HOME, config.SPECFORGE_OUT),
  client: new Client({ connection: client, namespace: config.TEMPORAL_NAMESPACE }),
  retentionDays: config.SPECFORGE_RETENTION_DAYS,
  log: (message) => console.log(`specforge worker: ${message}`),
});
console.log(`specforge worker polling ${config.TEMPORAL_TASK_QUEUE} on ${address}`);
await worker.run();
await eviction.stop();
await connection.close();
await client.close();
await closeSvgRenderer();
