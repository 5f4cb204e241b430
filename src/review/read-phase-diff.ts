import type { SpecRunStatus } from '../shared/spec-run';
import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import { HttpProblem } from '../api/problem';
import type { PhaseName } from '../shared/phases';
import { approvedRevisionBefore } from './approved-revision';
import { assertRevisionNumber, currentRevision, requireSomeRevision, requireStored } from './choose-revision';
import { diffRevisions } from './diff-revisions';
import { listPhaseRevisions } from './phase-revisions';
import { renderRevision } from './render-revision';
import type { PhaseDiff } from './review-types';

/**
 * Two revisions of a phase compared by item id and by rendered Markdown. By default `to` is the
 * current revision and `from` the approved revision before it (a phase at its gate again after a
 * reopen), else the one just before it; both must be stored (404 naming the field).
 */
export async function readPhaseDiff(
  store: ArtifactStore,
  status: SpecRunStatus,
  phase: PhaseName,
  from?: number,
  to?: number,
): Promise<PhaseDiff> {
  assertRevisionNumber(from, 'from');
  assertRevisionNumber(to, 'to');
  const revisions = requireSomeRevision(await listPhaseRevisions(store, status.id, phase), phase);
  const later =
    to === undefined ? currentRevision(status, phase, revisions)! : requireStored(to, revisions, phase, 'to');
  if (from === undefined && later === 1) {
    throw new HttpProblem(
      404,
      'Not found',
      `${phase} revision 1 is its first: there is nothing earlier to compare it with`,
      [{ field: 'from', message: 'no earlier revision' }],
    );
  }
  const earlier = requireStored(from ?? defaultBase(status, phase, later, revisions), revisions, phase, 'from');
  const [before, after] = [
    await renderRevision(store, status, phase, earlier),
    await renderRevision(store, status, phase, later),
  ];
  return { specId: status.id, phase, from: earlier, to: later, ...diffRevisions(before, after) };
}

/** The approved revision before `later` when it is stored, else the revision just before it. */
export function defaultBase(status: SpecRunStatus, phase: PhaseName, later: number, stored: number[]): number {
  const approved = approvedRevisionBefore(status, phase, later);
  return approved !== undefined && stored.includes(approved) ? approved : later - 1;
}
