import type { z } from 'zod';
import type { PhaseName } from '../../shared/phases';
import type { PhaseContents } from './phase-contents';

/** Everything a phase generator may draw on: the request, reviewer input and approved earlier phases. */
export interface PhaseContext {
  specId: string;
  feature: string;
  description: string;
  revision: number;
  /** Reviewer feedback on this phase, oldest first. */
  feedback: string[];
  /** Answers to the requirements phase's open questions, keyed by question id. */
  answers: Record<string, string>;
  earlier: Partial<PhaseContents>;
}

export interface PhaseDefinition<Name extends PhaseName = PhaseName> {
  name: Name;
  schema: z.ZodType<PhaseContents[Name]>;
  /** What the model is asked to produce, beyond the schema itself. */
  instructions: string;
  offline(context: PhaseContext): PhaseContents[Name];
  /** Parts code computes from validated content (numbers the model must not invent). */
  finalize?(content: PhaseContents[Name], context: PhaseContext): PhaseContents[Name];
  summarize(content: PhaseContents[Name]): string;
}
