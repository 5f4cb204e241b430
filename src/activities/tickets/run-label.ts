import { sha256 } from '../artifacts/hash';

/** A short label every ticket of one run carries, so the run's tickets are listed without search. */
export function runLabel(specId: string): string {
  return `specforge-${sha256(specId).slice(0, 10)}`;
}

/** A label unique to one planned ticket: the marker in a form trackers can filter on. */
export function ticketLabel(specId: string, key: string): string {
  return `${runLabel(specId)}-${key}`.slice(0, 255);
}
