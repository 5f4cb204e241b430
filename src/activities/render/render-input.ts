import type { RecordedDecision } from '../../shared/decision';
import type { PhaseName } from '../../shared/phases';
import type { PhaseResult, PhaseTiming, SpecStatus } from '../../shared/spec-run';

export interface RenderInput {
  specId: string;
  slug: string;
  outDir?: string;
  feature: string;
  description: string;
  status: SpecStatus;
  /** The approved result of each phase the run reached. */
  phases: Partial<Record<PhaseName, PhaseResult>>;
  decisions: RecordedDecision[];
  /** Answers to the requirements' open questions, given when requirements were approved. */
  answers?: Record<string, string>;
  timings: PhaseTiming[];
}
