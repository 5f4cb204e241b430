import type { PhaseContents } from '../phases/phase-contents';
import type { PhaseContext, PhaseDefinition } from '../phases/phase-definition';
import type { PhaseName } from '../../shared/phases';
import type { TokenUsage } from '../../shared/spec-run';

export interface Generation<Content> {
  content: Content;
  usage: TokenUsage;
  model: string;
}

/** What a generation gets from the activity running it, and tells it back while it works. */
export interface GenerationProgress {
  /** The activity's cancellation: an in-flight model call is aborted with it. */
  signal?: AbortSignal;
  /** Called before each model call: 1 for the first answer, 2 and up for repairs of an invalid one. */
  onAttempt?(attempt: number): void;
}

/** Produces one phase's structured content. Providers: `offline` and `openai`. */
export interface Generator {
  readonly provider: 'offline' | 'openai';
  readonly model: string;
  generate<Name extends PhaseName>(
    definition: PhaseDefinition<Name>,
    context: PhaseContext,
    /** Semantic checks beyond the schema; their errors go back to the model like schema errors. */
    check: (content: PhaseContents[Name]) => Promise<string[]>,
    progress?: GenerationProgress,
  ): Promise<Generation<PhaseContents[Name]>>;
}
