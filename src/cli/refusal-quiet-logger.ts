import { ApplicationFailure, type LogLevel, type LogMetadata, type Logger } from '@temporalio/common';
import { DECISION_FAILURE_TYPES } from '../shared/decision-check';

/**
 * The in-process worker's logger without the "Activity failed" warning for a refused edit
 * (an InvalidContent failure): the CLI prints the refusal itself, in one line. Every other
 * message, and every other activity failure, goes through unchanged.
 */
export class RefusalQuietLogger implements Logger {
  constructor(private readonly inner: Logger) {}

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    if (level === 'WARN' && message === 'Activity failed' && isRefusedEdit(meta?.error)) return;
    this.inner.log(level, message, meta);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}

function isRefusedEdit(error: unknown): boolean {
  return error instanceof ApplicationFailure && error.type === DECISION_FAILURE_TYPES.content;
}
