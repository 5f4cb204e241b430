import type { PhaseName } from './phases';

export const DECISION_ACTIONS = ['approve', 'request_changes', 'edit', 'abort'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/** The body of the `decision` signal, the `decide` update and POST /v1/specs/:id/decisions. */
export interface Decision {
  phase: PhaseName;
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
