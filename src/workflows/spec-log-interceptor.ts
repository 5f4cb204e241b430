import { workflowInfo, type WorkflowInterceptorsFactory } from '@temporalio/workflow';

/**
 * Every line a workflow logs (`log` from @temporalio/workflow, and the SDK's "Workflow started",
 * "Workflow completed" and "Workflow failed") carries the spec id: the workflow id of a spec run,
 * its parent's for the ticket fan-out child. A line that names its own specId, phase or revision
 * keeps them. Log attributes are no commands: adding them changes no history.
 */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      getLogAttributes: (input, next) => {
        const info = workflowInfo();
        return next({ specId: info.parent?.workflowId ?? info.workflowId, ...input });
      },
    },
  ],
});
