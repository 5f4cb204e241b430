import type { PhaseContents } from '../phases/phase-contents';
import type { PhaseContext, PhaseDefinition } from '../phases/phase-definition';
import type { PhaseName } from '../../shared/phases';
import type { TokenUsage } from '../../shared/spec-run';

export interface Generation<Content> {
  content: Content;
  usage: TokenUsage;
  model: string;
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
    signal?: AbortSignal,
  ): Promise<Generation<PhaseContents[Name]>>;
}
