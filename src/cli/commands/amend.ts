import type { AmendRequest, SpecBackend } from '../spec-backend';
import { followHint } from '../follow-hint';

/** `specforge amend`: a new version of a completed spec, reopening one phase; says how to follow it. */
export async function amend(backend: SpecBackend, id: string, amendment: AmendRequest): Promise<string> {
  const started = await backend.amend(id, amendment);
  return [
    `Started ${started.id}: version ${started.version} of the spec, amending ${started.amends} (reopening ${amendment.phase})`,
    ...followHint(started.id),
  ].join('\n');
}
