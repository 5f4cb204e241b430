import { FailureType } from './failure-types';
import { DECISION_ACTIONS, isGateName, TICKETS_GATE, type Decision, type GateName } from './decision';
import type { PhaseName } from './phases';

/** Why a decision is refused: `conflict` (409) is about timing, `forbidden` (403) about who, `invalid` (422) about the decision itself. */
export interface DecisionRefusal {
  kind: 'conflict' | 'invalid' | 'forbidden';
  field?: string;
  message: string;
}

export const MAX_COMMENT_LENGTH = 10_000;
export const MAX_ITEM_COMMENTS = 100;

/** What a gate knows when it judges a decision. */
export interface GateView {
  awaiting?: GateName;
  finished: boolean;
  approvers: string[];
  /** The run takes only decisions specforge signed (API, page, CLI). */
  requireVerified?: boolean;
  /** Who has already approved the revision waiting at the gate. */
  approvedBy?: string[];
  /** Phases approved so far: what a reopen may name. */
  approvedPhases?: PhaseName[];
  /** Why the run takes no reopen now (no gates, tickets being created, a run from before reopening); unset: it does. */
  reopenRefusal?: string;
}

/** Where a reopen refused for good points: a finished spec changes through an amendment. */
export const AMEND_INSTEAD = 'amend the spec once the run finishes (POST /v1/specs/:id/amendments, or specforge amend)';

/** Checks shared by the update validator, the gate and the HTTP route: pure, no I/O. */
export function checkDecision(decision: Decision, gate: GateView): DecisionRefusal | undefined {
  const invalid = (field: string, message: string): DecisionRefusal => ({ kind: 'invalid', field, message });
  if (!decision || typeof decision !== 'object') return invalid('(body)', 'a decision must be a JSON object');
  if (!isGateName(decision.phase)) return invalid('phase', `unknown phase "${String(decision.phase)}"`);
  if (!(DECISION_ACTIONS as readonly string[]).includes(decision.action))
    return invalid('action', `action must be one of ${DECISION_ACTIONS.join(', ')}`);
  if (typeof decision.by !== 'string' || !decision.by.trim()) return invalid('by', 'say who decides');
  if (
    decision.comment !== undefined &&
    (typeof decision.comment !== 'string' || decision.comment.length > MAX_COMMENT_LENGTH)
  ) {
    return invalid('comment', `comment must be text of at most ${MAX_COMMENT_LENGTH} characters`);
  }
  const items = checkItems(decision.items);
  if (items) return items;
  if (decision.action === 'skip' && decision.phase !== TICKETS_GATE)
    return invalid('action', 'skip is only for the tickets gate');
  if (decision.action === 'request_changes' && decision.phase === TICKETS_GATE)
    return invalid('action', 'the ticket plan is changed with edit, not request_changes');
  if (decision.action === 'request_changes' && !decision.comment?.trim() && !decision.items?.length)
    return invalid('comment', 'request_changes needs a comment saying what to change');
  if (
    decision.content !== undefined &&
    (typeof decision.content !== 'object' || decision.content === null || Array.isArray(decision.content))
  ) {
    return invalid('content', 'content must be a JSON object');
  }
  if (decision.contentRef !== undefined && !isContentRef(decision.contentRef))
    return invalid('contentRef', 'contentRef must be {path: "decisions/<sha256>.json", sha256, bytes}');
  if (decision.contentRef && (decision.action !== 'edit' || decision.phase === TICKETS_GATE))
    return invalid('contentRef', 'contentRef is for edits of a phase');
  if (decision.action === 'edit' && !decision.content && !decision.contentRef)
    return invalid('content', 'edit needs the replacement content');
  if (gate.approvers.length > 0 && !gate.approvers.includes(decision.by))
    return { kind: 'forbidden', field: 'by', message: `"${decision.by}" is not an approver of this run` };
  if (gate.requireVerified && !decision.proof) {
    return {
      kind: 'forbidden',
      field: 'via',
      message:
        'this run takes decisions only through specforge (API, review page or CLI), not raw Temporal signals or updates',
    };
  }
  if (decision.action === 'reopen') return checkReopen(decision, gate);
  if (gate.finished) return { kind: 'conflict', message: 'the run has finished' };
  if (gate.awaiting !== decision.phase) {
    return {
      kind: 'conflict',
      field: 'phase',
      message: gate.awaiting
        ? `the run is waiting on "${gate.awaiting}", not "${decision.phase}"`
        : 'the run is not waiting for a decision',
    };
  }
  if (decision.action === 'approve' && gate.approvedBy?.includes(decision.by))
    return { kind: 'conflict', field: 'by', message: `"${decision.by}" has already approved this revision` };
  return undefined;
}

/**
 * A reopen names an approved phase, not the one waiting: it is taken at any gate, and one sent while
 * a phase generates waits for that phase's gate.
 */
function checkReopen(decision: Decision, gate: GateView): DecisionRefusal | undefined {
  if (decision.phase === TICKETS_GATE)
    return {
      kind: 'invalid',
      field: 'phase',
      message: 'reopen names an approved phase; the ticket plan is changed with edit',
    };
  if (!decision.comment?.trim())
    return { kind: 'invalid', field: 'comment', message: 'reopen needs a comment saying what to change' };
  if (decision.content !== undefined || decision.contentRef !== undefined)
    return { kind: 'invalid', field: 'content', message: 'reopen takes a comment, not content' };
  if (gate.finished) return { kind: 'conflict', message: `the run has finished: ${AMEND_INSTEAD}` };
  if (gate.reopenRefusal) return { kind: 'conflict', message: gate.reopenRefusal };
  if (!gate.approvedPhases?.includes(decision.phase))
    return {
      kind: 'conflict',
      field: 'phase',
      message:
        gate.awaiting === decision.phase
          ? `"${decision.phase}" has not been approved yet: it is waiting at its gate, where request_changes or edit changes it`
          : `"${decision.phase}" has not been approved yet: only an approved phase can be reopened`,
    };
  return undefined;
}

function isContentRef(value: unknown): value is NonNullable<Decision['contentRef']> {
  const ref = value as NonNullable<Decision['contentRef']>;
  return (
    typeof ref === 'object' &&
    ref !== null &&
    typeof ref.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(ref.sha256) &&
    ref.path === `decisions/${ref.sha256}.json` &&
    Number.isInteger(ref.bytes) &&
    ref.bytes >= 0
  );
}

function checkItems(items: Decision['items']): DecisionRefusal | undefined {
  if (items === undefined) return undefined;
  const valid =
    Array.isArray(items) &&
    items.length <= MAX_ITEM_COMMENTS &&
    items.every(
      (item) =>
        item &&
        typeof item.id === 'string' &&
        item.id.length <= 200 &&
        typeof item.comment === 'string' &&
        item.comment.trim() &&
        item.comment.length <= MAX_COMMENT_LENGTH,
    );
  return valid
    ? undefined
    : {
        kind: 'invalid',
        field: 'items',
        message: `items must be at most ${MAX_ITEM_COMMENTS} {id, comment} pairs with non-empty comments`,
      };
}

/** Failure types the workflow uses, so callers can map refusals to HTTP statuses. */
export const DECISION_FAILURE_TYPES = {
  conflict: FailureType.DecisionConflict,
  invalid: FailureType.InvalidDecision,
  forbidden: FailureType.DecisionForbidden,
  content: FailureType.InvalidContent,
} as const;

/** The failure type a refusal is thrown with from the update. */
export function refusalFailureType(refusal: DecisionRefusal): string {
  if (refusal.kind === 'invalid' && refusal.field === 'content') return DECISION_FAILURE_TYPES.content;
  return DECISION_FAILURE_TYPES[refusal.kind];
}

/** The feedback a regeneration gets from a change request: the comment, then each item's comment by its id. */
export function feedbackOf(decision: Decision): string {
  const lines = [
    decision.comment?.trim() ?? '',
    ...(decision.items ?? []).map((item) => `On ${item.id}: ${item.comment.trim()}`),
  ];
  return lines.filter(Boolean).join('\n');
}
