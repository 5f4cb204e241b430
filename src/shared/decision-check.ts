import { DECISION_ACTIONS, isGateName, TICKETS_GATE, type Decision, type GateName } from './decision';

/** Why a decision is refused: `conflict` (409) is about timing, `invalid` (422) about the decision itself. */
export interface DecisionRefusal {
  kind: 'conflict' | 'invalid';
  field?: string;
  message: string;
}

export const MAX_COMMENT_LENGTH = 10_000;

/** Checks shared by the update validator, the gate and the HTTP route: pure, no I/O. */
export function checkDecision(
  decision: Decision,
  gate: { awaiting?: GateName; finished: boolean; approvers: string[] },
): DecisionRefusal | undefined {
  const invalid = (field: string, message: string): DecisionRefusal => ({ kind: 'invalid', field, message });
  if (!decision || typeof decision !== 'object') return invalid('(body)', 'a decision must be a JSON object');
  if (!isGateName(decision.phase)) return invalid('phase', `unknown phase "${String(decision.phase)}"`);
  if (!(DECISION_ACTIONS as readonly string[]).includes(decision.action)) return invalid('action', `action must be one of ${DECISION_ACTIONS.join(', ')}`);
  if (typeof decision.by !== 'string' || !decision.by.trim()) return invalid('by', 'say who decides');
  if (decision.comment !== undefined && (typeof decision.comment !== 'string' || decision.comment.length > MAX_COMMENT_LENGTH)) {
    return invalid('comment', `comment must be text of at most ${MAX_COMMENT_LENGTH} characters`);
  }
  if (decision.action === 'skip' && decision.phase !== TICKETS_GATE) return invalid('action', 'skip is only for the tickets gate');
  if (decision.action === 'request_changes' && decision.phase === TICKETS_GATE) return invalid('action', 'the ticket plan is changed with edit, not request_changes');
  if (decision.action === 'request_changes' && !decision.comment?.trim()) return invalid('comment', 'request_changes needs a comment saying what to change');
  if (decision.content !== undefined && (typeof decision.content !== 'object' || decision.content === null || Array.isArray(decision.content))) {
    return invalid('content', 'content must be a JSON object');
  }
  if (decision.action === 'edit' && !decision.content) return invalid('content', 'edit needs the replacement content');
  if (gate.approvers.length > 0 && !gate.approvers.includes(decision.by)) return invalid('by', `"${decision.by}" is not an approver of this run`);
  if (gate.finished) return { kind: 'conflict', message: 'the run has finished' };
  if (gate.awaiting !== decision.phase) {
    return { kind: 'conflict', field: 'phase', message: gate.awaiting ? `the run is waiting on "${gate.awaiting}", not "${decision.phase}"` : 'the run is not waiting for a decision' };
  }
  return undefined;
}

/** Failure types the workflow uses, so callers can map refusals to HTTP statuses. */
export const DECISION_FAILURE_TYPES = { conflict: 'DecisionConflict', invalid: 'InvalidDecision', content: 'InvalidContent' } as const;
