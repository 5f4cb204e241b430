import { MAX } from '../../phases/content-bounds';

/** Reviewer feedback carried into a regenerated phase, so the change is visible in the output. */
export function reviewerNotes(feedback: string[]): string[] {
  return feedback.slice(-MAX.many).map((comment, index) => oneLine(`Revision ${index + 2}: ${comment}`, MAX.paragraph));
}

/**
 * Feedback from a text box (and item comments, one a line) as one line of the pack's text, cut
 * to fit the field it lands in: a comment may be far longer than a requirement may be.
 */
export function oneLine(feedback: string, max: number = MAX.sentence): string {
  const line = feedback
    .trim()
    .replace(/\s*\n\s*/g, '; ')
    .replace(/\s+/g, ' ');
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
