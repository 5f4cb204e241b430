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
  earlier: Partial<Record<PhaseName, ArtifactRef>>;
  /** The run's context document, stored when the run started: the activity reads the text. */
  context?: ProjectContextRef;
}

export interface EditInput extends PhaseInput {
  content: Record<string, unknown>;
  by: string;
}
