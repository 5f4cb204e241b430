import type { ApiContext } from '../api/api-context';
import { HttpProblem } from '../api/problem';
import { approvedRevisionBefore } from '../review/approved-revision';
import { readPhaseDiff } from '../review/read-phase-diff';
import { readPhaseView } from '../review/read-phase-view';
import { reopenReason, type ReopenReason } from '../review/reopen-reason';
import type { PhaseDiff, PhaseView } from '../review/review-types';
import { readSpecStatus } from '../runs/read-spec-status';
import { isPhaseName, PHASES, type PhaseName } from '../shared/phases';
import type { SpecRunStatus } from '../shared/spec-run';

export type RunStatus = SpecRunStatus & { temporalStatus: string };

export interface SpecPageData {
  status: RunStatus;
  /** The phase the page shows: the query's, else the one awaiting a decision, else the latest generated. */
  phase: PhaseName;
  /** Unset while the phase has no revision yet (pending or generating its first). */
  view?: PhaseView;
  /** Against the revision approved before the shown one, else the previous stored one, when there is one. */
  diff?: PhaseDiff;
  /** True when the diff's earlier side is the revision approved before a reopen. */
  diffAgainstApproved?: boolean;
  /** True when the shown revision is the one a gate waits on: the decision buttons apply to it. */
  atGate: boolean;
  /** At a gate a reopen opened again: who reopened what, or which inputs changed. */
  reopenReason?: ReopenReason;
}

/** Everything /specs/:id shows, read from the run's status and the phase files on the worker's disk. */
export async function loadSpecPage(
  context: ApiContext,
  id: string,
  query: { phase?: unknown; revision?: unknown },
): Promise<SpecPageData> {
  const status = await readSpecStatus(context.client, id);
  const phase = chosenPhase(status, query.phase);
  const revision = chosenRevision(query.revision);
  // A phase not generated yet has no file: the page says so. A revision asked for by name must exist.
  const view = await readPhaseView(context.store, status, phase, revision).catch((error: unknown) => {
    if (revision === undefined && error instanceof HttpProblem && error.status === 404) return undefined;
    throw error;
  });
  if (!view) return { status, phase, atGate: false };
  // A phase at its gate again after a reopen is compared with the revision approved before it.
  const approved = approvedRevisionBefore(status, phase, view.revision);
  const previous = view.revisions.includes(approved ?? 0)
    ? approved
    : view.revisions.filter((stored) => stored < view.revision).at(-1);
  const diff =
    previous === undefined ? undefined : await readPhaseDiff(context.store, status, phase, previous, view.revision);
  const pending = status.pendingApproval;
  const atGate = status.temporalStatus === 'RUNNING' && pending?.phase === phase && pending.revision === view.revision;
  const reason = atGate ? reopenReason(status, phase) : undefined;
  return {
    status,
    phase,
    view,
    diff,
    atGate,
    ...(diff && diff.from === approved ? { diffAgainstApproved: true } : {}),
    ...(reason ? { reopenReason: reason } : {}),
  };
}

function chosenPhase(status: RunStatus, requested: unknown): PhaseName {
  if (requested !== undefined && requested !== '') {
    if (!isPhaseName(requested))
      throw new HttpProblem(400, 'Invalid query', `No phase "${String(requested).slice(0, 40)}"`, [
        { field: 'phase', message: `one of: ${PHASES.join(', ')}` },
      ]);
    return requested;
  }
  const pending = status.pendingApproval?.phase;
  if (isPhaseName(pending)) return pending;
  // A status read from search attributes has no revision numbers, but knows which phases were approved.
  const generated = status.phases.filter(
    (entry) => entry.revision > 0 || entry.state === 'approved' || entry.state === 'awaiting_approval',
  );
  return generated.at(-1)?.name ?? 'requirements';
}

/** The revision asked for; readPhaseView refuses one that is not a positive integer, naming the field. */
function chosenRevision(requested: unknown): number | undefined {
  return requested === undefined || requested === '' ? undefined : Number(requested);
}
