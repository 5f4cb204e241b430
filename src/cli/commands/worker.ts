import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { ArtifactStore } from '../../activities/artifacts/artifact-store';
import { closeSvgRenderer } from '../../activities/validate/svg-renderer';
import { dataConverterFor } from '../../codec/data-converter';
import { encryptionKeysFor } from '../../codec/encryption-keys-for';
import { configuredSecrets } from '../../config/configured-secrets';
import { decisionKeyFor } from '../../config/decision-key';
import type { Config } from '../../config/load-config';
import { workerLogger } from '../../logging/worker-logger';
import { tracingClientInterceptors } from '../../telemetry/temporal-tracing-interceptors';
import { tracingFor } from '../../telemetry/tracing-for-config';
import { runtimeMetricsTelemetry } from '../../metrics/runtime-metrics';
import { serveMetrics } from '../../metrics/metrics-server';
import { registerSearchAttributes } from '../../temporal/register-search-attributes';
import { createSpecWorker } from '../../workers/create-worker';
import { scheduleEviction } from '../../workers/eviction-schedule';
import { wireActivities } from '../../workers/wire-activities';

/**
 * `specforge worker`: a worker on its own, polling TEMPORAL_ADDRESS (else the local dev server's port);
 * as many as wanted beside one `specforge api` (docker-compose, scripts/cluster.sh, the crash test).
 */
export async function runWorker(config: Config): Promise<void> {
  // Every line names its spec; secrets echoed by a server into a failure never reach the worker's log.
  Runtime.install({
    logger: workerLogger(new DefaultLogger('INFO'), configuredSecrets(config, [decisionKeyFor(config)])),
    // Temporal's own metrics (task slots, poll latency, schedule-to-start), served on SPECFORGE_METRICS_PORT.
    ...(config.SPECFORGE_METRICS_PORT ? { telemetryOptions: await runtimeMetricsTelemetry() } : {}),
  });
  const dataConverter = dataConverterFor(encryptionKeysFor(config));
  // Before the worker is created: its workflow span sink exports through this process's tracing.
  const tracing = tracingFor(config, 'specforge-worker');
  const address = config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`;
  const client = await Connection.connect({ address });
  // A server specforge did not start may lack the attributes the workflow upserts.
  await registerSearchAttributes(client, config.TEMPORAL_NAMESPACE);
  const { worker, connection } = await createSpecWorker({
    address,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities: wireActivities(config),
    dataConverter,
  });
  // Asks Temporal which runs are closed, so no open run's files are ever removed.
  const eviction = scheduleEviction({
    store: new ArtifactStore(config.SPECFORGE_HOME, config.SPECFORGE_OUT),
    client: new Client({
      connection: client,
      namespace: config.TEMPORAL_NAMESPACE,
      dataConverter,
      interceptors: tracingClientInterceptors(),
    }),
    retentionDays: config.SPECFORGE_RETENTION_DAYS,
    log: (message) => console.log(`specforge worker: ${message}`),
  });
  // A worker-only process is scraped here; it has no API to serve /metrics.
  const metricsServer = config.SPECFORGE_METRICS_PORT ? await serveMetrics(config.SPECFORGE_METRICS_PORT) : undefined;
  if (metricsServer) console.log(`specforge worker metrics on :${config.SPECFORGE_METRICS_PORT}/metrics`);
  console.log(`specforge worker polling ${config.TEMPORAL_TASK_QUEUE} on ${address}`);
  await worker.run();
  metricsServer?.close();
  await eviction.stop();
  await connection.close();
  await client.close();
  await closeSvgRenderer();
  await tracing?.shutdown();
}
