const ELLIPSIS = '…';
// A cut at a word boundary reads better, unless the last space is so far back that most of the text goes.
const WORD_BOUNDARY_SLACK = 40;

/**
 * The text as one line of at most `max` UTF-16 code units (what trackers and most APIs count), cut
 * between whole characters (an emoji or an accented letter is never split) and marked with "…".
 */
export function shortLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  let kept = '';
  for (const { segment } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(line)) {
    if (kept.length + segment.length > max - ELLIPSIS.length) break;
    kept += segment;
  }
  const space = kept.lastIndexOf(' ');
  const cut = space >= kept.length - WORD_BOUNDARY_SLACK && space > 0 ? kept.slice(0, space) : kept;
  return `${cut.trimEnd()}${ELLIPSIS}`;
}
