import { ApplicationFailure, type LogLevel, type LogMetadata } from '@temporalio/common';
import { DECISION_FAILURE_TYPES } from '../shared/decision-check';
import { WrappingLogger } from '../logging/wrapping-logger';

/**
 * The in-process worker's logger without the "Activity failed" warning for a refused edit
 * (an InvalidContent failure): the CLI prints the refusal itself, in one line. Every other
 * message, and every other activity failure, goes through unchanged.
 */
export class RefusalQuietLogger extends WrappingLogger {
  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    if (level === 'WARN' && message === 'Activity failed' && isRefusedEdit(meta?.error)) return;
    this.inner.log(level, message, meta);
  }
}

function isRefusedEdit(error: unknown): boolean {
  return error instanceof ApplicationFailure && error.type === DECISION_FAILURE_TYPES.content;
}
