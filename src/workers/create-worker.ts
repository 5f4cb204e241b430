import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import type { SpecActivities } from '../activities/create-activities';
import { packagePath } from '../config/package-root';
import { prebuiltWorkflowBundle } from './prebuilt-workflow-bundle';
import { WORKFLOW_INTERCEPTOR_MODULES, workerInterceptors, workerSinks } from './worker-interceptors';

export const WORKFLOWS_PATH = packagePath('src', 'workflows', 'index.ts');

/**
 * The cache and pollers, set on purpose (measured by `npm run bench:scale` on 2 cores):
 * - the cache holds the runs being worked on, not the parked ones. A cached run costs about 5 MiB
 *   (the bundle's modules are evaluated once per run), and the SDK's default sizes the cache from
 *   the heap limit (2,310 runs under a 4 GiB heap): 500 parked runs took the worker past 3 GiB, its
 *   tasks past 5 s and approvals past their deadline. An evicted run replays its history (about 100
 *   events, 50–180 ms) when its gate is decided: once per decision, whatever the cache size, as
 *   long as more runs are parked than cached;
 * - workflow tasks run on one thread: with the SDK's 40 slots, replays queued inside the worker past
 *   the 10 s task timeout and were done again (588 times draining 500 runs); 10 keep the queue at the
 *   server, where a task does not time out;
 * - pollers: half the workflow slots (the SDK's advice); a phase holds its activity slot while it
 *   waits for the model, so activities get 200 slots and 10 pollers.
 */
export const WORKER_TUNING: Pick<
  WorkerOptions,
  | 'maxCachedWorkflows'
  | 'maxConcurrentWorkflowTaskExecutions'
  | 'maxConcurrentActivityTaskExecutions'
  | 'workflowTaskPollerBehavior'
  | 'activityTaskPollerBehavior'
> = {
  maxCachedWorkflows: 50,
  maxConcurrentWorkflowTaskExecutions: 10,
  maxConcurrentActivityTaskExecutions: 200,
  workflowTaskPollerBehavior: { type: 'simple-maximum', maximum: 5 },
  activityTaskPollerBehavior: { type: 'simple-maximum', maximum: 10 },
};

export interface SpecWorkerOptions {
  address: string;
  namespace: string;
  taskQueue: string;
  activities: SpecActivities;
  /** A prebuilt bundle (tests build one for all workers); otherwise the workflows are bundled here. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /**
   * dataConverterFor(keys): encrypts payloads and failures. Bundled here, the workflows get its
   * failure converter; a prebuilt bundle must have been built with the same failureConverterPath.
   */
  dataConverter?: DataConverter;
  /** Overrides WORKER_TUNING (bench:scale compares the SDK's defaults with it); deployments keep the constants. */
  tuning?: Partial<typeof WORKER_TUNING>;
}

export async function createSpecWorker(
  options: SpecWorkerOptions,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: options.address });
  // Compiled (dist/): the bundle built with it; from the sources: bundled below, never stale.
  const workflowBundle = options.workflowBundle ?? prebuiltWorkflowBundle(options.dataConverter);
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    sinks: workerSinks(),
    ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
    // Heartbeats carry the repair attempt the CLI shows; the default throttle (80 % of the 20 s heartbeat timeout) would show it late.
    maxHeartbeatThrottleInterval: '3 seconds',
    ...WORKER_TUNING,
    ...options.tuning,
    ...(workflowBundle
      ? { workflowBundle, interceptors: workerInterceptors() }
      : {
          workflowsPath: WORKFLOWS_PATH,
          interceptors: { ...workerInterceptors(), workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
        }),
  });
  return { worker, connection };
}
