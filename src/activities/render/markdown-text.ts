/**
 * Text from the request, the model or a reviewer, made safe to place in the pack's Markdown. It
 * reads as written, code spans (`like this`) and emphasis included, but it adds no HTML, no
 * link, and nothing that changes the document around it: no heading, no code fence that runs to
 * the end of the file. The Markdown is read on GitHub, in editors and by other tools, so the
 * pack itself must be safe, not only the review page that sanitises what it shows.
 */

/** For text inside one line (a sentence, a heading, a table cell, a list item): line breaks become spaces. */
export function markdownInline(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' '));
}

/** For prose of one or more paragraphs: its line breaks stay, and each line is made safe on its own. */
export function markdownBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (SETEXT_UNDERLINE.test(line) ? `\\${line.trimStart()}` : escapeLine(line)))
    .join('\n');
}

/** Any text as one code span: its own backticks cannot close it, and it stays on one line. */
export function markdownCode(text: string): string {
  const line = text.replace(/\s*[\r\n]+\s*/g, ' ');
  const fence = '`'.repeat(Math.max(0, ...(line.match(/`+/g) ?? []).map((run) => run.length)) + 1);
  const pad = line.startsWith('`') || line.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${line}${pad}${fence}`;
}

// A line of "=" or "-" under a paragraph turns it into a heading.
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
// What opens a heading or a "~~~" code fence at the start of a line.
const LINE_START = /^( {0,3})(#|~{3,})/;

/**
 * Code spans are kept as they are: nothing inside one is read as HTML or a link. Outside them a
 * backslash, "<", and the "]" that would close a link's text or a link definition are escaped,
 * and a backtick run with no partner on the line is escaped, so it cannot pair with a backtick of
 * the text around it. Because every span closes on its own line, a Markdown parser finds the same
 * spans in the whole document as here, whatever text comes before or after.
 */
function escapeLine(line: string): string {
  let out = '';
  let at = 0;
  for (const run of backtickRuns(line)) {
    if (run.start < at) continue;
    const partner = backtickRuns(line, run.end).find((next) => next.end - next.start === run.end - run.start);
    // A run with no partner on the line is text: escaped, it cannot pair with a backtick around the text,
    // nor open a code fence at the start of a line.
    if (!partner) {
      out += escapeText(line.slice(at, run.start)) + '\\`'.repeat(run.end - run.start);
    } else {
      out += escapeText(line.slice(at, run.start)) + line.slice(run.start, partner.end);
    }
    at = partner ? partner.end : run.end;
  }
  out += escapeText(line.slice(at));
  return out.replace(LINE_START, (_match, indent: string, marker: string) => `${indent}\\${marker}`);
}

function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/</g, '\\<')
    .replace(/\](?=\s*[([:])/g, '\\]');
}

function backtickRuns(line: string, from = 0): { start: number; end: number }[] {
  const runs: { start: number; end: number }[] = [];
  const pattern = /`+/g;
  pattern.lastIndex = from;
  for (let match = pattern.exec(line); match; match = pattern.exec(line))
    runs.push({ start: match.index, end: match.index + match[0].length });
  return runs;
}
