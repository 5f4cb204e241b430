import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Decision } from '../shared/decision';
import type { SpecRunStatus } from '../shared/spec-run';

export interface DecisionOutcome {
  phase: Decision['phase'];
  action: Decision['action'];
  revision: number;
  /** What the run does next: the next phase, a regeneration, or the end. */
  next: string;
}

/** Fire and forget; honoured even when it arrives while no worker runs. */
export const decisionSignal = defineSignal<[Decision]>('decision');
/** Synchronous: refused by the validator without touching history when it cannot apply. */
export const decideUpdate = defineUpdate<DecisionOutcome, [Decision]>('decide');
export const statusQuery = defineQuery<SpecRunStatus>('status');
