import type { Client } from '@temporalio/client';

/**
 * How long one read of Temporal (describe, list, health) may take. Without a deadline the client
 * retries an unreachable server for about 20 s; with one, callers hear within this bound that
 * Temporal is unavailable and can say so (the API answers 503 with Retry-After).
 */
export const TEMPORAL_READ_DEADLINE_MS = 1_500;

const DEADLINE_EXCEEDED = 4; // gRPC status code

/** A Temporal call that did not finish in time; `code` is gRPC's DEADLINE_EXCEEDED, as the client's own. */
export class TemporalDeadlineError extends Error {
  override name = 'TemporalDeadlineError';
  readonly code = DEADLINE_EXCEEDED;
  constructor(ms: number) {
    super(`Temporal did not answer within ${ms} ms`);
  }
}

/**
 * Runs `call` with every Temporal RPC inside it bounded by `ms` from now. The gRPC deadline alone
 * is checked only between the client's retries (whose back-off grows to seconds), so the call is
 * also cancelled, and the caller answered, when the time is up.
 */
export async function withTemporalDeadline<T>(
  client: Client,
  call: () => Promise<T>,
  ms: number = TEMPORAL_READ_DEADLINE_MS,
): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    return await Promise.race([
      client.withDeadline(Date.now() + ms, () => client.withAbortSignal(controller.signal, call)),
      new Promise<never>((_, reject) =>
        controller.signal.addEventListener('abort', () => reject(new TemporalDeadlineError(ms))),
      ),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
