import type { SpecBackend } from '../spec-backend';
import { followHint } from '../follow-hint';

/** `specforge retry`: a new run going on from the phase a failed run failed at; says how to follow it. */
export async function retry(backend: SpecBackend, id: string): Promise<string> {
  const started = await backend.retry(id);
  return [
    `Started ${started.id}: retrying ${started.retries} from the phase that failed, keeping its approved phases`,
    ...followHint(started.id),
  ].join('\n');
}
