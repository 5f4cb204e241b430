/** Reviewer feedback carried into a regenerated phase, so the change is visible in the output. */
export function reviewerNotes(feedback: string[]): string[] {
  return feedback.map((comment, index) => `Revision ${index + 2}: ${oneLine(comment)}`);
}

/** Feedback from a text box (and item comments, one a line) becomes one line of the pack's text. */
export function oneLine(feedback: string): string {
  return feedback.trim().replace(/\s*\n\s*/g, '; ').replace(/\s+/g, ' ');
}
