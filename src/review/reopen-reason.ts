import type { RecordedDecision } from '../shared/decision';
import { inputsOf } from '../shared/phase-graph';
import type { PhaseName } from '../shared/phases';
import type { SpecRunStatus } from '../shared/spec-run';

/** Why a phase waits at its gate again: a person reopened it, or phases it reads changed. */
export type ReopenReason =
  | { kind: 'reopened'; by: string; comment: string; at: string }
  | { kind: 'inputs_changed'; inputs: PhaseName[]; reopened: PhaseName; by: string; at: string };

/**
 * For the phase waiting at its gate: why, when a reopen made it so. The gate must have opened after
 * the reopen (a waiting gate the reopen did not touch keeps its old reason). Changed inputs are
 * those the changes list names as regenerated, else those approved again after the reopen.
 */
export function reopenReason(status: SpecRunStatus, phase: PhaseName): ReopenReason | undefined {
  const pending = status.pendingApproval;
  if (pending?.phase !== phase) return undefined;
  const reopen = [...status.decisions]
    .reverse()
    .find(
      (decision) =>
        decision.action === 'reopen' && decision.outcome === 'applied' && !after(decision.at, pending.since),
    );
  if (!reopen || !isPhase(reopen.phase)) return undefined;
  if (reopen.phase === phase) return { kind: 'reopened', by: reopen.by, comment: reopen.comment ?? '', at: reopen.at };
  const inputs = inputsOf(phase).filter((input) => changedSince(status, input, reopen));
  return inputs.length
    ? { kind: 'inputs_changed', inputs, reopened: reopen.phase, by: reopen.by, at: reopen.at }
    : undefined;
}

function changedSince(status: SpecRunStatus, input: PhaseName, reopen: RecordedDecision): boolean {
  const recorded = (status.changes ?? []).filter((change) => change.phase === input && !after(reopen.at, change.at));
  if (recorded.length) return recorded.some((change) => change.reason !== 'kept' && change.from !== change.to);
  if (input === reopen.phase) return true;
  return status.decisions.some(
    (decision) =>
      decision.phase === input &&
      decision.outcome === 'applied' &&
      (decision.action === 'approve' || decision.action === 'edit') &&
      !after(reopen.at, decision.at),
  );
}

/** True when `first` is later than `second` (ISO timestamps). */
function after(first: string, second: string): boolean {
  return Date.parse(first) > Date.parse(second);
}

function isPhase(phase: RecordedDecision['phase']): phase is PhaseName {
  return phase !== 'tickets';
}
