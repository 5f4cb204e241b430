import type { RecordedDecision } from '../../shared/decision';
import type { PhaseFailure } from '../../shared/phase-failure';
import type { PhaseName } from '../../shared/phases';
import type { ProjectContextRef } from '../../shared/project-context-ref';
import type { PhaseChange, PhaseResult, PhaseTiming, SpecRunStatus, SpecStatus } from '../../shared/spec-run';

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
  /** The phase a failed run stopped on, its error and the tokens its failed attempts spent. */
  failure?: PhaseFailure;
  /** The team's context document the run was started with, recorded in the report. */
  context?: ProjectContextRef;
  /** The spec's version (1 unless an amendment) and the run it amends or retries: named in the pack. */
  version?: number;
  amends?: string;
  retries?: string;
  /** Phases reopened, regenerated or kept by reopens: the changelog section. */
  changes?: PhaseChange[];
  /** Next phases generated while gates waited: used, or discarded with what they cost. */
  speculation?: SpecRunStatus['speculation'];
}
