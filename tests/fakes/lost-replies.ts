import { seededRandom } from './fault-plan';

/**
 * Creates the tracker stores and then answers 502, as when the reply is lost on its way back: the
 * ticket exists though the client saw a failure. Scripted by ordinal (the 1st, 5th… create) for
 * tests, or a seeded share for a bench.
 */
export interface LostReplies {
  /** 1-based ordinals of the creates whose reply is lost. */
  creates?: number[];
  /** Share of creates whose reply is lost (0..1), drawn from `seed`. */
  share?: number;
  seed?: number;
}

/** Tells, create by create, whether this one's reply is lost. */
export function lostReplyScript(plan: LostReplies = {}): () => boolean {
  const random = seededRandom(plan.seed ?? 11);
  let ordinal = 0;
  return () => {
    ordinal += 1;
    return Boolean(plan.creates?.includes(ordinal)) || random() < (plan.share ?? 0);
  };
}
