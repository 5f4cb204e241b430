import type { Logger } from '@temporalio/common';
import { RedactingLogger } from './redacting-logger';
import { SpecIdLogger } from './spec-id-logger';

/**
 * The logger a worker's Temporal Runtime is installed with: every line names its spec (where it has
 * a workflow id) and holds no configured secret and nothing shaped like a token.
 */
export function workerLogger(inner: Logger, secrets: readonly (string | undefined)[]): Logger {
  return new RedactingLogger(new SpecIdLogger(inner), secrets);
}
