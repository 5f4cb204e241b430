import { diffLines } from 'diff';
import type { PhaseItem } from './phase-items';
import type { DiffLine, FieldChange, PhaseDiff, ReviewItem } from './review-types';

/** What a diff compares of one revision: its items (with their content) and its rendered section. */
export interface RevisionSnapshot {
  items: PhaseItem[];
  markdown: string;
}

/**
 * Two revisions of a phase compared: items matched by id (added, removed, and changed with each
 * field that differs), and the rendered Markdown line by line. Pure: no I/O.
 */
export function diffRevisions(
  before: RevisionSnapshot,
  after: RevisionSnapshot,
): Pick<PhaseDiff, 'added' | 'removed' | 'changed' | 'lines'> {
  const earlier = new Map(before.items.map((item) => [item.id, item]));
  const later = new Map(after.items.map((item) => [item.id, item]));
  return {
    added: after.items.filter((item) => !earlier.has(item.id)).map(reviewItem),
    removed: before.items.filter((item) => !later.has(item.id)).map(reviewItem),
    changed: after.items.flatMap((item) => {
      const previous = earlier.get(item.id);
      const fields = previous ? fieldChanges(previous.value, item.value, '') : [];
      return fields.length ? [{ ...reviewItem(item), fields }] : [];
    }),
    lines: lineDiff(before.markdown, after.markdown),
  };
}

/** The paths (`acceptanceCriteria.1.then`) at which two values differ, with both sides. */
export function fieldChanges(before: unknown, after: unknown, path: string): FieldChange[] {
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => fieldChanges(before[key], after[key], join(path, key)));
  }
  // Lists of equal length are compared entry by entry; a list that grew or shrank is one change.
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    return before.flatMap((entry, index) => fieldChanges(entry, after[index], join(path, String(index))));
  }
  return JSON.stringify(before) === JSON.stringify(after)
    ? []
    : [{ path: path || '(whole item)', before: before ?? null, after: after ?? null }];
}

/** Every line of the newer text, with the older one's removed lines where they were. */
export function lineDiff(before: string, after: string): DiffLine[] {
  // A last line without its newline would otherwise count as changed.
  return diffLines(withFinalNewline(before), withFinalNewline(after)).flatMap((change) => {
    if (!change.value) return [];
    const op = change.added ? '+' : change.removed ? '-' : ' ';
    return change.value
      .replace(/\n$/, '')
      .split('\n')
      .map((text) => ({ op, text }) as DiffLine);
  });
}

function reviewItem({ id, kind, label }: PhaseItem): ReviewItem {
  return { id, kind, label };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
