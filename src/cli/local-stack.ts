import { Client } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { closeMermaidParser } from '../activities/validate/mermaid-parse';
import { closeSvgRenderer } from '../activities/validate/svg-renderer';
import type { Config } from '../config/load-config';
import { ensureTemporal, type TemporalEndpoint } from '../temporal/ensure-temporal';
import { createSpecWorker } from '../workers/create-worker';
import { wireActivities } from '../workers/wire-activities';
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
    Runtime.install({ logger: new RefusalQuietLogger(new DefaultLogger(level)) });
    runtimeInstalled = true;
  }
  const temporal = await ensureTemporal(config, log);
  const client = new Client({ connection: temporal.connection, namespace: config.TEMPORAL_NAMESPACE });
  const { worker, connection } = await createSpecWorker({
    address: temporal.address,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities: wireActivities(config),
  });
  const running = worker.run();
  return {
    temporal,
    client,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running.catch(() => undefined);
      await connection.close();
      await closeSvgRenderer();
      await closeMermaidParser();
      await temporal.close();
    },
  };
}
