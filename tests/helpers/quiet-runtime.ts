import { DefaultLogger, Runtime } from '@temporalio/worker';
import { RefusalQuietLogger } from '../../src/cli/refusal-quiet-logger';

let installed = false;

/** Worker logs at WARN, so test output shows failures rather than state changes (and not the refused edits tests make on purpose). */
export function quietRuntime(): void {
  if (installed) return;
  Runtime.install({ logger: new RefusalQuietLogger(new DefaultLogger('WARN')) });
  installed = true;
}
