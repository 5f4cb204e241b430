/**
 * Whether a failed write may still have happened: a 5xx, a 408 or a lost connection can come after
 * the tracker stored the ticket. A 4xx (a 429 included) is a refusal: nothing was written.
 */
export function outcomeUnknown(error: unknown): boolean {
  const { status } = (error ?? {}) as { status?: unknown };
  return typeof status !== 'number' || status >= 500 || status === 408;
}
