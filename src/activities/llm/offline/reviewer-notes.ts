import type { PhaseContext } from '../../phases/phase-definition';

/** Reviewer feedback carried into a regenerated phase, so the change is visible in the output. */
export function reviewerNotes(context: PhaseContext): string[] {
  return context.feedback.map((feedback, index) => `Revision ${index + 2}: ${feedback.trim()}`);
}
