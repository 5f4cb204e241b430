import type { WorkerInterceptors } from '@temporalio/worker';

/**
 * Workflow interceptor modules, bundled with the workflows. A prebuilt bundle (tests, benches)
 * must be built with these too: a worker given a bundle ignores `interceptors.workflowModules`.
 */
export const WORKFLOW_INTERCEPTOR_MODULES: string[] = [];

/** Every interceptor a specforge worker runs, whoever creates the worker. */
export function workerInterceptors(): WorkerInterceptors {
  return {
    activity: [],
    workflowModules: WORKFLOW_INTERCEPTOR_MODULES,
  };
}
