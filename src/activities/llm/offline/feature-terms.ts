import { MAX } from '../../phases/content-bounds';
import { DEFAULT_ACTOR, isPerson } from './actor-nouns';
import { type FeatureClause, parseFeatureTitle } from './feature-clause';
import { thirdPersonPlural, withoutPossessives } from './grammatical-person';
import { isAcronym, plural, singular } from './noun-forms';
import { PHRASE_BREAK, standaloneNounPhrase } from './noun-phrase';
import { oneLine } from './reviewer-notes';
import { gerund, pastParticiple } from './verb-forms';
import { type JobVerb, jobOf } from './verb-catalog';

/** Words pulled from the request that the offline generator builds its skeleton around. */
export interface FeatureTerms {
  /**
   * The feature as a noun phrase that reads in any position of a sentence: "passwordless login
   * with magic links", "the order history page", "exporting invoices as CSV".
   */
  subject: string;
  /** What the actor can do, a verb phrase in the base form: "export their invoices as CSV", "use passwordless login with magic links". */
  capability: string;
  /** Who uses the feature, singular and plural: "customer", "customers"; "user", "users" when the title names nobody. */
  actor: string;
  actors: string;
  /** The job a verb-led feature starts (export → an export), served as an action resource under the main one. */
  action?: FeatureAction;
  /** The main resource, plural, kebab-case: "magic-links". */
  resource: string;
  /** The same, in words: "magic links". */
  resourceWords: string;
  /** Singular words: "magic link". */
  entityWords: string;
  /** snake_case table name: "magic_links". */
  table: string;
  /** PascalCase schema name: "MagicLink". */
  entity: string;
  /** Sentences of the description, each a candidate requirement. */
  sentences: string[];
}

export interface FeatureAction extends JobVerb {
  /** The verb of the title, base form: "export". */
  verb: string;
}

// After these words comes what an activity works with ("login with magic links").
const INSTRUMENT = /\s+(?:with|using|via|through)\s+/i;
// A clause after these words has its own subject: "when their subscription renews" is about the subscription.
const SUBORDINATE = /^(?:when|whenever|if|once|after|before|while|until)\s+/i;
// Nouns naming an activity rather than a thing: the thing is elsewhere in the sentence.
const ACTIVITY_NOUNS =
  /^(login|log-in|sign-in|signin|sign-on|sign-up|signup|authentication|auth|search|tracking|pricing|billing|checkout|onboarding)$/;
// The record an activity keeps when the title names nothing else: a sign-on keeps sessions.
const ACTIVITY_RECORDS: Record<string, string> = {
  login: 'session',
  'log-in': 'session',
  'sign-in': 'session',
  signin: 'session',
  'sign-on': 'session',
  'sign-up': 'registration',
  signup: 'registration',
  authentication: 'session',
  auth: 'session',
  search: 'saved search',
  tracking: 'tracking event',
  pricing: 'price',
  checkout: 'checkout session',
  onboarding: 'onboarding step',
};
// Lower-cased acronyms of protocols and standards say how, not what: "SAML single sign-on" is about sessions.
const ACRONYM_WORDS =
  /^(saml|oauth|oidc|sso|mfa|2fa|ldap|scim|api|sms|vat|gdpr|pdf|csv|json|xml|sftp|ftp|http|https|rest|grpc|jwt)$/;
// Nouns that are never counted: the resource is their records ("workspace data records").
const MASS_HEADS =
  /^(data|media|content|information|info|software|feedback|analytics|metadata|history|usage|access|storage|inventory|payroll)$/;
const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'new',
  'our',
  'their',
  'his',
  'her',
  'its',
  'my',
  'your',
  'all',
  'each',
  'every',
  'any',
  'it',
  'them',
  'user',
  'users',
  'support',
  'ability',
  'real-time',
  'based',
  'smart',
  'beta',
  'about',
  'when',
  'if',
]);
const MAX_WORD = 30;
// Phrases from the title go into names (MAX.name) and, two at a time, into sentences (MAX.sentence).
const MAX_TITLE = 100;
// Requirements the description may add, leaving room in the list for the feature's own and the reviewers'.
const MAX_SENTENCES = MAX.many / 2;
// Describing words before a noun: the resource is what they describe ("inactive projects" → projects).
const ADJECTIVES = new Set([
  'old',
  'recent',
  'overdue',
  'duplicate',
  'large',
  'small',
  'monthly',
  'weekly',
  'daily',
  'hourly',
  'yearly',
  'annual',
  'bulk',
  'custom',
  'multiple',
  'public',
  'private',
  'internal',
  'external',
  'personal',
  'digital',
  'global',
  'local',
  'legal',
  'social',
  'manual',
  'optional',
  'automatic',
  'other',
  'single',
  'unread',
  'open',
  'closed',
  'live',
  'late',
  'early',
  'due',
  'current',
  'previous',
  'next',
  'last',
  'first',
  'canned',
  'offline',
  'online',
]);

// -ing words that describe ("recurring report emails") rather than name an activity ("scheduling records").
const PARTICIPLES =
  /^(recurring|pending|upcoming|existing|missing|outstanding|incoming|outgoing|remaining|matching|trending|ongoing|rolling|expiring|failing|waiting|repeating|changing|growing|running|leading|loading|following|booming|blocking)$/;
// "two-factor", "role-based", "multi-currency", "real-time": compounds that describe.
const COMPOUND_ADJECTIVE =
  /-(based|factor|time|level|step|free|wide|only|like|facing|driven|ready|safe|aware|enabled|friendly|specific|scale|party)$|^(multi|cross|self|non|pre|post|auto|semi|anti|single|two|three)-/;

export function extractFeatureTerms(feature: string, description = ''): FeatureTerms {
  const clause = parseFeatureTitle(shortTitle(feature));
  const actor = clause.actor ?? DEFAULT_ACTOR;
  const entityWords = entityOf(clause, feature);
  const resourceWords = plural(entityWords);
  const lower = resourceWords.toLowerCase();
  const job = clause.verb && !clause.doneToActor ? jobOf(clause.verb) : undefined;
  return {
    subject: subjectOf(clause, actor.many),
    capability: capabilityOf(clause),
    actor: actor.one,
    actors: actor.many,
    ...(job ? { action: { verb: clause.verb!, ...job } } : {}),
    resource: lower.replace(/\s+/g, '-'),
    resourceWords,
    entityWords,
    table: lower.replace(/[\s-]+/g, '_'),
    entity: entityWords
      .toLowerCase()
      .split(/[\s-]+/)
      .filter(Boolean)
      .map((word) => word[0]!.toUpperCase() + word.slice(1))
      .join(''),
    sentences: description
      .split(/(?<=[.!?])\s+|\n+/)
      .map((sentence) => sentence.trim().replace(/[.!?]+$/, ''))
      .filter((sentence) => sentence.length > 3)
      .slice(0, MAX_SENTENCES)
      .map((sentence) => oneLine(sentence)),
  };
}

/**
 * The title's first words, up to MAX_TITLE characters: every phrase built from it (the actor, the
 * capability, the subject) then fits the fields it lands in, whatever length the title has.
 */
function shortTitle(feature: string): string {
  const line = feature.replace(/\s+/g, ' ').trim();
  if (line.length <= MAX_TITLE) return line;
  // Never half of a character written as a surrogate pair (an emoji).
  const cut = line.slice(0, MAX_TITLE).replace(/[\ud800-\udbff]$/, '');
  const space = cut.lastIndexOf(' ');
  return space > MAX_TITLE / 2 ? cut.slice(0, space) : cut;
}

function capabilityOf(clause: FeatureClause): string {
  if (!clause.verb) return `use ${standaloneNounPhrase(clause.rest) || 'the feature'}`;
  if (clause.doneToActor) return join('be', pastParticiple(clause.verb), clause.rest);
  return join(clause.verb, thirdPersonPlural(clause.rest));
}

function subjectOf(clause: FeatureClause, actors: string): string {
  if (!clause.verb)
    return (
      standaloneNounPhrase(clause.audience ? `${clause.rest} for ${clause.audience}` : clause.rest) || 'the feature'
    );
  if (clause.doneToActor) return join(gerund(clause.verb), actors, clause.rest);
  return join(gerund(clause.verb), withoutPossessives(clause.rest));
}

/** The singular words of the thing the feature is about, acronyms kept in capitals: "magic link", "URL shortener". */
function entityOf(clause: FeatureClause, feature: string): string {
  const source = clause.rest.replace(/^(?:about|for|of|on|with|to)\s+/i, '');
  const focus = SUBORDINATE.test(source) ? (firstNoun([source.replace(SUBORDINATE, '')]) ?? source) : focusOf(source);
  const nounWords = words(focus);
  const nouns = nounWords.filter((word) => !isAdjective(word));
  const picked = (nouns.length > 0 ? nouns : nounWords).slice(-2);
  if (picked.length === 0) return 'item';
  if (MASS_HEADS.test(picked.at(-1)!)) picked.push('record');
  const acronyms = acronymsOf(feature);
  // Names are built from these words (tables, schemas, flags): a run-on token must not make them too long to check.
  return picked.map((word) => acronyms.get(singular(word)) ?? singular(word).slice(0, MAX_WORD)).join(' ');
}

/** The phrase naming the thing the feature is about. */
function focusOf(subject: string): string {
  const segments = subject.split(PHRASE_BREAK).map((segment) => segment.trim());
  const head = segments[0] ?? subject;
  const headWords = words(head);
  if (headWords.every(isAdjective)) return firstNoun(segments.slice(1)) ?? subject;
  const activity = headWords.at(-1)!;
  if (!ACTIVITY_NOUNS.test(activity) && !activity.endsWith('ing')) return head;
  // "search for products", "tagging of photos": what is searched or tagged; "login with magic links": what logs in.
  const after = subject.slice(head.length).trim();
  if ((/^(for|of)\s/i.test(after) && activity === 'search') || (/^of\s/i.test(after) && activity.endsWith('ing')))
    return segments[1] ?? head;
  const instrument = subject.split(INSTRUMENT)[1]?.split(PHRASE_BREAK)[0]?.trim();
  if (instrument && words(instrument).length) return instrument;
  // "real-time order tracking": orders; "SAML single sign-on": SAML sessions; "usage-based billing": billing
  // records; "guest checkout" is a checkout, whoever it is for.
  const modifiers = headWords.slice(0, -1).filter((word) => !isAdjective(word) && !isPerson(word));
  if (modifiers.some((word) => !ACRONYM_WORDS.test(word))) return modifiers.join(' ');
  return [...modifiers, ACTIVITY_RECORDS[activity] ?? `${activity} record`].join(' ');
}

function firstNoun(segments: string[]): string | undefined {
  for (const segment of segments) {
    const noun = words(segment).find((word) => !isAdjective(word));
    if (noun) return noun;
  }
  return undefined;
}

function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9\s-]/g, ' ')
      .split(/\s+/)
      // Hyphens only join words: "X-->Y" is "x-y", a trailing "invoices-" is "invoices".
      .map((word) => word.replace(/-{2,}/g, '-').replace(/^-+|-+$/g, ''))
      .filter((word) => word.length > 1 && !STOP_WORDS.has(word) && /^[a-z]/.test(word))
  );
}

function isAdjective(word: string): boolean {
  return (
    ADJECTIVES.has(word) ||
    PARTICIPLES.test(word) ||
    /(ically|ately|ously|ently|antly)$/.test(word) ||
    /(ive|ous|able|ible|ful|less)$/.test(word) ||
    (word.length > 4 && /[^e]ed$/.test(word)) ||
    COMPOUND_ADJECTIVE.test(word)
  );
}

/** Acronyms of the title by their lower-case singular: "sso" → "SSO", so prose keeps their capitals. */
function acronymsOf(feature: string): Map<string, string> {
  const found = feature
    .split(/[^A-Za-z0-9]+/)
    .filter(isAcronym)
    .map(singular);
  return new Map(found.map((acronym) => [acronym.toLowerCase(), acronym]));
}

function join(...parts: string[]): string {
  return parts.filter(Boolean).join(' ');
}
