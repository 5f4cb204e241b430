import type { PhaseContext } from '../../phases/phase-definition';

/** Reviewer feedback carried into a regenerated phase, so the change is visible in the output. */
export function reviewerNotes(context: PhaseContext): string[] {
  return context.feedback.map((feedback, index) => `Revision ${index + 2}: ${oneLine(feedback)}`);
}

/** Feedback from a text box (and item comments, one a line) becomes one line of the pack's text. */
export function oneLine(feedback: string): string {
  return feedback.trim().replace(/\s*\n\s*/g, '; ').replace(/\s+/g, ' ');
}
