import type { DiffLine, PhaseDiff, ReviewItem } from '../review/review-types';
import type { Colours } from './colours';
import { terminalText } from './terminal-text';

const CONTEXT_LINES = 2;

/** A revision-to-revision diff for the terminal: the items added, removed and changed by id, then the changed lines. */
export function formatPhaseDiff(diff: PhaseDiff, paint: Colours): string {
  const heading = paint.bold(`${diff.phase}: revision ${diff.from} → ${diff.to}`);
  const items = [
    ...diff.added.map((item) => paint.green(`  + added    ${describe(item)}`)),
    ...diff.removed.map((item) => paint.red(`  - removed  ${describe(item)}`)),
    ...diff.changed.map((item) =>
      paint.yellow(
        `  ~ changed  ${describe(item)}${item.fields.length ? `  (${item.fields.map((field) => terminalText(field.path)).join(', ')})` : ''}`,
      ),
    ),
  ];
  const lines = changedLines(diff.lines).map((line) => {
    if (line === undefined) return paint.dim('  …');
    const text = `${line.op} ${terminalText(line.text)}`;
    return line.op === '+' ? paint.green(text) : line.op === '-' ? paint.red(text) : paint.dim(text);
  });
  if (items.length === 0 && lines.length === 0) return `${heading}\nNo differences.\n`;
  return `${heading}\n${items.length ? `${items.join('\n')}\n` : '  no item added, removed or changed\n'}${lines.length ? `\n${lines.join('\n')}\n` : ''}`;
}

function describe(item: ReviewItem): string {
  return `${terminalText(item.id)}  ${terminalText(item.label)}${item.kind ? `  [${terminalText(item.kind)}]` : ''}`;
}

/** The changed lines with a little context around each; undefined marks the lines left out between hunks. */
export function changedLines(lines: DiffLine[], context = CONTEXT_LINES): (DiffLine | undefined)[] {
  const keep = new Set<number>();
  lines.forEach((line, index) => {
    if (line.op === ' ') return;
    for (let near = Math.max(0, index - context); near <= Math.min(lines.length - 1, index + context); near += 1)
      keep.add(near);
  });
  const shown: (DiffLine | undefined)[] = [];
  let previous = -1;
  for (const index of [...keep].sort((a, b) => a - b)) {
    if (previous >= 0 && index > previous + 1) shown.push(undefined);
    shown.push(lines[index]);
    previous = index;
  }
  return shown;
}
