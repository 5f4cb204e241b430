import type { z } from 'zod';
import type { PhaseName } from '../../shared/phases';
import type { ProjectContext } from '../context/read-project-context';
import type { PhaseContents } from './phase-contents';

/** Everything a phase generator may draw on: the request, the team's context, reviewer input and approved earlier phases. */
export interface PhaseContext {
  specId: string;
  feature: string;
  description: string;
  revision: number;
  /** Reviewer feedback on this phase, oldest first. */
  feedback: string[];
  /** Answers to the requirements phase's open questions, keyed by question id. */
  answers: Record<string, string>;
  /** Approved earlier phases; the requirements with the answers applied. */
  earlier: Partial<PhaseContents>;
  /** The team's context document (stack, platform, constraints, conventions), when the run has one. */
  project?: ProjectContext;
  /** The phase as it was last approved, when a reopen regenerates it: what still holds is kept. */
  previous?: PhaseContents[PhaseName];
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
