import type { PhaseName } from '../../shared/phases';
import type { ProjectContextRef } from '../../shared/project-context-ref';
import type { ArtifactRef } from '../../shared/spec-run';

/** What the workflow sends a phase activity: references, never earlier content itself. */
export interface PhaseInput {
  specId: string;
  phase: PhaseName;
  revision: number;
  feature: string;
  description: string;
  feedback: string[];
  answers: Record<string, string>;
  /** The approved results of the phase's declared inputs (PHASE_INPUTS) only: what generation may read. */
  earlier: Partial<Record<PhaseName, ArtifactRef>>;
  /** Every approved phase: for the traceability shown at the gate (orphans), never for generation. */
  approved?: Partial<Record<PhaseName, ArtifactRef>>;
  /**
   * Generated while the phase before waits at its gate: the answer goes to the cache and a file of
   * its own, never to the revision's file, which a discarded speculation finishing late would overwrite.
   */
  speculative?: boolean;
  /** The phase's previously approved revision, when a reopen regenerates it: context to keep what still holds. */
  previous?: ArtifactRef;
  /** The run's context document, stored when the run started: the activity reads the text. */
  context?: ProjectContextRef;
}

export interface EditInput extends PhaseInput {
  content: Record<string, unknown>;
  by: string;
}
