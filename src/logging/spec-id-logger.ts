import type { LogLevel, LogMetadata } from '@temporalio/common';
import { specIdOfWorkflow } from './spec-id-of-workflow';
import { WrappingLogger } from './wrapping-logger';

/**
 * The worker's lines the SDK writes outside specforge's interceptors (a workflow activation that
 * failed, core's "Failing workflow task") name the workflow, not the spec: the spec id is added from
 * the workflow id, so one search by spec id finds every line of a run, its ticket fan-out included.
 */
export class SpecIdLogger extends WrappingLogger {
  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    const workflowId = meta?.workflowId ?? meta?.workflow_id;
    const specId =
      meta?.specId === undefined
        ? specIdOfWorkflow(typeof workflowId === 'string' ? workflowId : undefined)
        : undefined;
    this.inner.log(level, message, specId ? { ...meta, specId } : meta);
  }
}
