import { sha256 } from '../artifacts/hash';

/**
 * A short label every ticket of one spec carries (keyed by its lineage, the first run's id), so the
 * tickets of the spec and all its amendments are listed without search.
 */
export function runLabel(lineage: string): string {
  return `specforge-${sha256(lineage).slice(0, 10)}`;
}

/** A label unique to one planned ticket: the marker in a form trackers can filter on. */
export function ticketLabel(lineage: string, key: string): string {
  return `${runLabel(lineage)}-${key}`.slice(0, 255);
}
