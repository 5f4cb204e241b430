import type { TicketRef } from '../../shared/spec-run';

/**
 * One ticket per planned key and the strays: when a key has several tickets (a create whose reply
 * was lost, then retried), the one the run recorded is kept, else the oldest. Pure.
 */
export function sortStrays(
  listed: TicketRef[],
  recorded: TicketRef[],
  plannedKeys: string[],
): { kept: TicketRef[]; strays: TicketRef[] } {
  const planned = new Set(plannedKeys);
  const recordedIds = new Set(recorded.map((ref) => ref.id));
  const kept = new Map<string, TicketRef>();
  for (const ref of listed) {
    // A ticket for a key no longer planned (the plan was edited) is a person's business, not a stray.
    if (!planned.has(ref.key)) continue;
    const current = kept.get(ref.key);
    if (!current || (recordedIds.has(ref.id) && !recordedIds.has(current.id))) kept.set(ref.key, ref);
  }
  // A recorded ticket the listing missed (a search that lags) is still the run's ticket.
  for (const ref of recorded) if (planned.has(ref.key) && !kept.has(ref.key)) kept.set(ref.key, ref);
  const keptIds = new Set([...kept.values()].map((ref) => ref.id));
  return {
    kept: plannedKeys.flatMap((key) => (kept.get(key) ? [kept.get(key)!] : [])),
    strays: listed.filter((ref) => planned.has(ref.key) && !keptIds.has(ref.id)),
  };
}
