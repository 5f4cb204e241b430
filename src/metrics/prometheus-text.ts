/** The Prometheus text exposition format's content type, as prom-client and Temporal's core send it. */
export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/**
 * Joins several expositions into one. A family must appear once, with one HELP and one TYPE line:
 * Prometheus refuses a scrape that repeats one. The first source to name a family keeps it.
 */
export function mergeExpositions(texts: readonly string[]): string {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const text of texts) {
    for (const family of splitFamilies(text)) {
      if (seen.has(family.name)) continue;
      seen.add(family.name);
      kept.push(...family.lines);
    }
  }
  return kept.length === 0 ? '' : `${kept.join('\n')}\n`;
}

interface Family {
  name: string;
  lines: string[];
}

/** Families in the order written: a HELP or TYPE line for a new name starts one; samples belong to the family before them. */
function splitFamilies(text: string): Family[] {
  const families: Family[] = [];
  let current: Family | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const declared = /^# (?:HELP|TYPE) (\S+)/.exec(line)?.[1];
    const name = declared ?? (line.startsWith('#') ? undefined : familyOfSample(line, current));
    if (name === undefined) {
      current?.lines.push(line);
      continue;
    }
    if (!current || current.name !== name) {
      current = { name, lines: [] };
      families.push(current);
    }
    current.lines.push(line);
  }
  return families;
}

/** A histogram's or summary's _bucket, _sum and _count samples belong to the family declared before them. */
function familyOfSample(line: string, current: Family | undefined): string {
  const sample = /^[^\s{]+/.exec(line)?.[0] ?? line;
  if (current && (sample === current.name || sample.startsWith(`${current.name}_`))) return current.name;
  return sample;
}
