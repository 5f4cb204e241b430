import type { LogLevel, LogMetadata, Logger } from '@temporalio/common';
import { redactValue } from '../activities/redact-failure';
import { redactSecrets } from '../shared/redact-secrets';
import { WrappingLogger } from './wrapping-logger';

/**
 * The worker's Temporal logger with every configured secret and anything shaped like a token
 * removed from the message and its metadata (the failed activity's error included) before the
 * inner logger writes it.
 */
export class RedactingLogger extends WrappingLogger {
  constructor(
    inner: Logger,
    private readonly secrets: readonly (string | undefined)[],
  ) {
    super(inner);
  }

  log(level: LogLevel, message: string, meta?: LogMetadata): void {
    this.inner.log(level, redactSecrets(message, this.secrets), meta && this.redactMeta(meta));
  }

  /** Symbol keys (the SDK's timestamp) pass through; every string key's value is redacted as failure details are. */
  private redactMeta(meta: LogMetadata): LogMetadata {
    const redacted: LogMetadata = { ...meta };
    for (const key of Object.keys(meta)) redacted[key] = redactValue(meta[key], this.secrets);
    return redacted;
  }
}
