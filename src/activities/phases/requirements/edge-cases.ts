import { EDGE_CASE_KINDS, type EdgeCaseKind } from '../../quality/edge-case-kinds';

/** Who a story is for and what it works on: "signed-in user", "invoice", "invoices". */
export interface StoryNames {
  actor: string;
  thing: string;
  things: string;
}

const KINDS_PER_STORY = 5;
// Each story starts two kinds after the one before, so neighbouring stories share few kinds.
const STRIDE = 2;

/**
 * A story's edge cases: five kinds of the seven, a different five for each story, every case
 * naming the story's actor or the thing it works on. A kind an earlier story covered takes its
 * next wording, so the first four stories never repeat a case.
 */
export function storyEdgeCases(names: StoryNames, storyIndex: number): string[] {
  return kindsOf(storyIndex).map((kind) => {
    const variants = TEMPLATES[EDGE_CASE_KINDS[kind]![0]];
    const earlierUses = Array.from({ length: storyIndex }, (_, earlier) => kindsOf(earlier)).filter((kinds) =>
      kinds.includes(kind),
    ).length;
    return variants[earlierUses % variants.length]!(names);
  });
}

function kindsOf(storyIndex: number): number[] {
  return Array.from(
    { length: KINDS_PER_STORY },
    (_, offset) => (storyIndex * STRIDE + offset) % EDGE_CASE_KINDS.length,
  );
}

type Template = (names: StoryNames) => string;

const TEMPLATES: Record<EdgeCaseKind, Template[]> = {
  'duplicates and concurrency': [
    ({ actor, thing }) =>
      `The ${actor} submits the same ${thing} twice (double click or client retry): one ${thing} results, no duplicate`,
    ({ actor, thing }) =>
      `The ${actor} and another ${actor} change the same ${thing} at the same moment: the second write gets 409 and retries on the fresh version`,
    ({ actor, thing }) =>
      `The ${actor}'s client retried a request for the ${thing} with the same idempotency key: it gets the first result back`,
  ],
  'limits and sizes': [
    ({ actor, thing }) =>
      `The ${actor} saves the ${thing} at the maximum size (title 200 characters, body 64 KiB): accepted; one byte more is refused with 422`,
    ({ actor, things }) =>
      `The ${actor} reaches the limit of 10,000 ${things}: the next one is refused with a message that says so`,
    ({ actor, things }) =>
      `The ${actor} has no ${things} yet, or more than a page of 100: an empty state, then pages of at most 100 ${things}`,
  ],
  'a dependency failing or timing out': [
    ({ actor, thing }) =>
      `The database times out while the ${actor} saves the ${thing}: 503, and nothing is half-written`,
    ({ actor, thing }) =>
      `The queue is unavailable when the ${actor} changes the ${thing}: the change commits and its event waits in the outbox until the queue is back`,
    ({ actor, thing }) =>
      `The email provider fails to deliver the ${actor}'s notice about the ${thing}: retried with backoff for 24 hours, then reported`,
  ],
  authorization: [
    ({ actor, thing }) =>
      `Another ${actor} without access opens the ${thing} by its id: 404, and nothing shows that it exists`,
    ({ actor, thing }) =>
      `The ${actor}'s access is revoked while the ${thing} is open: the next change is refused with 403`,
    ({ actor, thing }) =>
      `The ${actor} lacks the role to change the ${thing}'s status: 403, and the attempt is audited`,
  ],
  'hostile input': [
    ({ actor, thing }) =>
      `The ${actor} puts a \`<script>\` tag or an SQL fragment in the ${thing}'s title: stored as text, escaped wherever it is shown`,
    ({ actor, thing }) =>
      `A crafted request from the ${actor} sets the ${thing}'s owner or status directly: the server ignores read-only fields`,
    ({ actor, thing }) =>
      `The ${actor} sends a forged or tampered ${thing} id: refused as malformed before it reaches the database`,
  ],
  'time and expiry': [
    ({ actor, thing }) =>
      `The ${actor}'s session expires halfway through editing the ${thing}: the draft survives signing in again`,
    ({ actor, thing }) =>
      `The ${actor} changes the ${thing} around midnight in another time zone: times are stored in UTC and shown in the ${actor}'s zone`,
    ({ actor, thing }) =>
      `The ${actor} saves a stale copy of the ${thing} (changed elsewhere since it was loaded): 409 with the current version`,
  ],
  'data lifecycle': [
    ({ actor, thing }) =>
      `The ${thing} is deleted between two steps of the ${actor}'s journey: 404, not a server error`,
    ({ actor, thing }) =>
      `The ${thing} the ${actor} opened passes its retention period: it is purged with its cached copies and search entries, and the ${actor} gets 404`,
    ({ actor, things }) =>
      `The ${actor}'s account is closed: their ${things} are deleted or anonymised as the retention policy says`,
  ],
};
