import type { PhaseName } from './phases';
import type { PhaseResult } from './spec-run';

/** A phase to generate again: reopened by a person, or found with changed inputs after a reopen. */
export interface Reopening {
  reason: 'reopened' | 'inputs_changed';
  /** Sent to the regeneration: the reopen's comment. */
  feedback: string[];
  by?: string;
  comment?: string;
  /** The approved revision it replaces: context for the regeneration, and the diff's other side. */
  previous?: PhaseResult;
}

/** A result that was waiting at its gate when a reopen came: shown again if its inputs did not change. */
export interface HeldGate {
  result: PhaseResult;
  feedback: string[];
}

/** What reopens left to do; written only by SpecRunState, carried across continue-as-new. */
export interface ReopenWork {
  reopened: Partial<Record<PhaseName, Reopening>>;
  /** Approved phases whose inputs must be hashed again before their approval may stand. */
  unchecked: PhaseName[];
  held: Partial<Record<PhaseName, HeldGate>>;
}

export function noReopenWork(): ReopenWork {
  return { reopened: {}, unchecked: [], held: {} };
}

export function hasReopenWork(work: ReopenWork): boolean {
  return Object.keys(work.reopened).length > 0 || work.unchecked.length > 0 || Object.keys(work.held).length > 0;
}
