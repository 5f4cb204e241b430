import { isPhaseName, type PhaseName } from './phases';

/** The gate after the ticket plan is made, before any ticket is created (when a run asks for it). */
export const TICKETS_GATE = 'tickets';
export type GateName = PhaseName | typeof TICKETS_GATE;

export function isGateName(value: unknown): value is GateName {
  return value === TICKETS_GATE || isPhaseName(value);
}

/**
 * `skip` is for the tickets gate: finish without creating tickets. `reopen` names an approved
 * phase (not the one waiting): it is regenerated with the comment, then every later phase whose inputs changed.
 */
export const DECISION_ACTIONS = ['approve', 'request_changes', 'edit', 'abort', 'skip', 'reopen'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** How a decision reached the run: specforge's API, review page or CLI (signed), or raw Temporal messages. */
export const DECISION_CHANNELS = ['api', 'page', 'cli', 'signal', 'update', 'timer'] as const;
export type DecisionChannel = (typeof DECISION_CHANNELS)[number];

/** A reviewer's comment on one item of the phase (FR-2, a component, an operation): targeted feedback. */
export interface ItemComment {
  id: string;
  comment: string;
}

/** The body of the `decision` signal, the `decide` update and POST /v1/specs/:id/decisions. */
export interface Decision {
  phase: GateName;
  action: DecisionAction;
  by: string;
  comment?: string;
  /** Replacement phase content for `edit`; answers to open questions for `approve` of requirements. */
  content?: Record<string, unknown>;
  /** An edit's content stored by specforge's API or CLI before sending, so the content stays out of history. */
  contentRef?: DecisionContentRef;
  /** With request_changes: comments on single items, sent to the regeneration as targeted feedback. */
  items?: ItemComment[];
  /** Set by specforge when an admin decides for one of the run's approvers: the admin's name. */
  actor?: string;
  /** Set by specforge's API with `proof`; raw Temporal messages carry neither. */
  via?: DecisionChannel;
  /** HMAC of the decision by specforge's API, checked by the worker: what makes a decision verified. */
  proof?: string;
}

/** Where an edit's content waits: a file under the run's folder in the store, and its hash. */
export interface DecisionContentRef {
  /** Relative to the run's folder (`decisions/<sha256>.json`): a decision can name no other file. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface RecordedDecision extends Omit<Decision, 'proof' | 'content' | 'contentRef'> {
  at: string;
  revision: number;
  outcome: 'applied' | 'rejected';
  reason?: string;
  /** True only when the decision carried a proof the worker accepted (or came from the gate's own timer). */
  verified?: boolean;
}
