import { isPhaseName, type PhaseName } from './phases';

/** The gate after the ticket plan is made, before any ticket is created (when a run asks for it). */
export const TICKETS_GATE = 'tickets';
export type GateName = PhaseName | typeof TICKETS_GATE;

export function isGateName(value: unknown): value is GateName {
  return value === TICKETS_GATE || isPhaseName(value);
}

/** `skip` is for the tickets gate: finish without creating tickets. */
export const DECISION_ACTIONS = ['approve', 'request_changes', 'edit', 'abort', 'skip'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** The body of the `decision` signal, the `decide` update and POST /v1/specs/:id/decisions. */
export interface Decision {
  phase: GateName;
  action: DecisionAction;
  by: string;
  comment?: string;
  /** Replacement phase content for `edit`; answers to open questions for `approve` of requirements. */
  content?: Record<string, unknown>;
}

export interface RecordedDecision extends Decision {
  at: string;
  revision: number;
  outcome: 'applied' | 'rejected';
  reason?: string;
}
