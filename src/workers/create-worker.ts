import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataConverter } from '@temporalio/common';
import type { SpecActivities } from '../activities/create-activities';
import { WORKFLOW_INTERCEPTOR_MODULES, workerInterceptors, workerSinks } from './worker-interceptors';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

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
}

export async function createSpecWorker(
  options: SpecWorkerOptions,
): Promise<{ worker: Worker; connection: NativeConnection }> {
  const connection = await NativeConnection.connect({ address: options.address });
  const worker = await Worker.create({
    connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities,
    sinks: workerSinks(),
    ...(options.dataConverter ? { dataConverter: options.dataConverter } : {}),
    // Heartbeats carry the repair attempt the CLI shows; the default throttle (80 % of the 20 s heartbeat timeout) would show it late.
    maxHeartbeatThrottleInterval: '3 seconds',
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle, interceptors: workerInterceptors() }
      : {
          workflowsPath: WORKFLOWS_PATH,
          interceptors: { ...workerInterceptors(), workflowModules: WORKFLOW_INTERCEPTOR_MODULES },
        }),
  });
  return { worker, connection };
}
