import { Client } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { closeMermaidParser } from '../activities/validate/mermaid-parse';
import { closeSvgRenderer } from '../activities/validate/svg-renderer';
import { dataConverterFor } from '../codec/data-converter';
import { encryptionKeysFor } from '../codec/encryption-keys-for';
import { configuredSecrets } from '../config/configured-secrets';
import { decisionKeyFor } from '../config/decision-key';
import type { Config } from '../config/load-config';
import { workerLogger } from '../logging/worker-logger';
import { tracingClientInterceptors } from '../telemetry/temporal-tracing-interceptors';
import { tracingFor } from '../telemetry/tracing-for-config';
import { ensureTemporal, type TemporalEndpoint } from '../temporal/ensure-temporal';
import { ArtifactStore } from '../activities/artifacts/artifact-store';
import { createSpecWorker } from '../workers/create-worker';
import { scheduleEviction } from '../workers/eviction-schedule';
import { wireActivities } from '../workers/wire-activities';
import { runtimeMetricsTelemetry } from '../metrics/runtime-metrics';
import { RefusalQuietLogger } from './refusal-quiet-logger';

export interface LocalStack {
  temporal: TemporalEndpoint;
  client: Client;
  stop(): Promise<void>;
}

let runtimeInstalled = false;

/** Temporal (the dev server unless TEMPORAL_ADDRESS) plus an in-process worker. */
export async function startLocalStack(config: Config, log: (message: string) => void): Promise<LocalStack> {
  if (!runtimeInstalled) {
    // The worker's INFO lines (bundler stats, state changes) would drown the progress display,
    // and a refused edit is reported by the CLI in one line rather than as a failed activity.
    const level = config.LOG_LEVEL === 'debug' || config.LOG_LEVEL === 'trace' ? 'DEBUG' : 'WARN';
    // Secrets echoed by a server into a failure never reach the terminal or the log files.
    const secrets = configuredSecrets(config, [decisionKeyFor(config)]);
    Runtime.install({
      logger: new RefusalQuietLogger(workerLogger(new DefaultLogger(level), secrets)),
      // Temporal's own metrics (task slots, poll latency, schedule-to-start), appended to the API's /metrics.
      telemetryOptions: await runtimeMetricsTelemetry(),
    });
    runtimeInstalled = true;
  }
  // Before the worker is created: its workflow span sink exports through this process's tracing.
  const tracing = tracingFor(config, 'specforge');
  const temporal = await ensureTemporal(config, log);
  // The API, the CLI and the worker encrypt alike: what one writes the others read.
  const dataConverter = dataConverterFor(encryptionKeysFor(config));
  const client = new Client({
    connection: temporal.connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataConverter,
    interceptors: tracingClientInterceptors(),
  });
  const { worker, connection } = await createSpecWorker({
    address: temporal.address,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities: wireActivities(config),
    dataConverter,
  });
  const running = worker.run();
  // Asks Temporal which runs are closed, so no open run's files are ever removed.
  const eviction = scheduleEviction({
    store: new ArtifactStore(config.SPECFORGE_HOME, config.SPECFORGE_OUT),
    client,
    retentionDays: config.SPECFORGE_RETENTION_DAYS,
    log,
  });
  return {
    temporal,
    client,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
      await eviction.stop();
      await connection.close();
      await closeSvgRenderer();
      await closeMermaidParser();
      await temporal.close();
      await tracing?.shutdown();
    },
  };
}
