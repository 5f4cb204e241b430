import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';

/** A Temporal logger that sees every line in `log` before the one it wraps writes it. */
export abstract class WrappingLogger implements Logger {
  constructor(protected readonly inner: Logger) {}

  abstract log(level: LogLevel, message: string, meta?: LogMetadata): void;

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
