import { DefaultLogger, Runtime, type Logger } from '@temporalio/worker';
import { RefusalQuietLogger } from '../../src/cli/refusal-quiet-logger';

let installed = false;

/**
 * Worker logs at WARN, so test output shows failures rather than state changes (and not the refused edits tests make on purpose).
 * A test that reads the worker's log passes its own logger before the stack is made: the runtime is installed once per process.
 */
export function quietRuntime(logger: Logger = new DefaultLogger('WARN')): void {
  if (installed) return;
  Runtime.install({ logger: new RefusalQuietLogger(logger) });
  installed = true;
}
