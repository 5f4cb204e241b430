import type { PhaseName } from '../shared/phases';
import type { SpecRunStatus } from '../shared/spec-run';

/**
 * The newest revision of a phase below `before` that was approved: what a phase at its gate again
 * after a reopen is compared with. Approved means its last applied decision approved or edited it
 * (a partial approval later sent back does not count), or the changes list names it as a phase's
 * approved revision (an amendment adopts its phases without deciding them again).
 */
export function approvedRevisionBefore(status: SpecRunStatus, phase: PhaseName, before: number): number | undefined {
  const lastDecision = new Map<number, string>();
  for (const decision of status.decisions) {
    if (decision.phase !== phase || decision.outcome !== 'applied') continue;
    if (decision.action === 'approve' || decision.action === 'edit' || decision.action === 'request_changes')
      lastDecision.set(decision.revision, decision.action);
  }
  const decided = [...lastDecision].filter(([, action]) => action !== 'request_changes').map(([revision]) => revision);
  const changed = (status.changes ?? [])
    .filter((change) => change.phase === phase)
    .flatMap((change) => [change.from, change.to]);
  const below = [...decided, ...changed].filter((revision) => revision > 0 && revision < before);
  return below.length ? Math.max(...below) : undefined;
}
