import type { ReopenWork } from './reopen-work';
import type { PhaseName } from './phases';
import type { PhaseResult, PhaseTiming, SpecRunStatus } from './spec-run';

/**
 * A run's state when it continues as new at a gate: written to the store by the run that ends,
 * read back by the one that starts under the same workflow id, so neither history carries it twice.
 */
export interface RunSnapshot {
  version: 1;
  status: SpecRunStatus;
  approved: Partial<Record<PhaseName, PhaseResult>>;
  timings: PhaseTiming[];
  /** The phase waiting at its gate: the revision shown and the feedback its regenerations had. */
  gate: { result: PhaseResult; feedback: string[] };
  /** What reopens left to do (phases to generate again, to check, results held): absent when nothing. */
  work?: ReopenWork;
}
