import type { Client } from '@temporalio/client';
import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import { evictExpired, type EvictionReport } from '../activities/artifacts/evict-expired';
import { temporalRunState } from './temporal-run-state';

const HOURLY_MS = 60 * 60 * 1000;

export interface EvictionSchedule {
  stop(): Promise<void>;
}

/**
 * Evicts expired runs and cache entries when the worker starts and then every hour. A pass that
 * fails (Temporal unreachable, a file in use) is logged and tried again at the next one.
 */
export function scheduleEviction(options: {
  store: ArtifactStore;
  client: Client;
  retentionDays: number;
  log: (message: string) => void;
  intervalMs?: number;
}): EvictionSchedule {
  const runState = temporalRunState(options.client);
  let running: Promise<void> = Promise.resolve();
  const pass = () => {
    running = running
      .then(() => evictExpired(options.store, { retentionDays: options.retentionDays, runState }))
      .then(
        (report) => report.runs.length + report.cacheEntries > 0 && options.log(summary(report, options.retentionDays)),
      )
      .catch((error: Error) => options.log(`eviction failed, tried again in an hour: ${error.message}`))
      .then(() => undefined);
  };
  pass();
  const timer = setInterval(pass, options.intervalMs ?? HOURLY_MS);
  // The worker's own work decides when the process ends, never this timer.
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

function summary(report: EvictionReport, retentionDays: number): string {
  return `evicted ${report.runs.length} runs closed more than ${retentionDays} days ago and ${report.cacheEntries} cache entries not used since`;
}
