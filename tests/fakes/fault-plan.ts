/** Scripted faults shared by the tracker fakes: random 429s with Retry-After, 5xx, slow replies. */
export interface FaultPlan {
  /** Share of write requests answered 429 (0..1). */
  rateLimitShare?: number;
  /** Seconds in Retry-After. */
  retryAfterSeconds?: number;
  /** Share of write requests answered 502. */
  serverErrorShare?: number;
  /** Delay before each reply, in ms. */
  delayMs?: number;
}

/** Deterministic pseudo-random numbers, so a failing run can be repeated. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
