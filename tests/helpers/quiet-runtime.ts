import { DefaultLogger, Runtime, type Logger, type TelemetryOptions } from '@temporalio/worker';
import { RefusalQuietLogger } from '../../src/cli/refusal-quiet-logger';

let installed = false;

/**
 * Worker logs at WARN, so test output shows failures rather than state changes (and not the refused edits tests make on purpose).
 * A test that reads the worker's log passes its own logger before the stack is made: the runtime is installed once per process.
 * A test that reads the runtime's metrics passes its telemetry options the same way.
 */
export function quietRuntime(logger: Logger = new DefaultLogger('WARN'), telemetryOptions?: TelemetryOptions): void {
  if (installed) return;
  Runtime.install({ logger: new RefusalQuietLogger(logger), ...(telemetryOptions ? { telemetryOptions } : {}) });
  installed = true;
}
