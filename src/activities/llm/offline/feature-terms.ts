/** Words pulled from the request that the offline generator builds its skeleton around. */
export interface FeatureTerms {
  /** The request without its leading verb: "passwordless login with magic links". */
  subject: string;
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

const LEADING_VERBS =
  /^(add|adds|build|implement|support|create|enable|introduce|allow|provide|offer|make|let|export|import|send|track|sync|schedule|show|display|generate|manage|process|search|automate|notify)\s+/i;
// "Let admins export audit logs": who acts and how is not the thing the feature is about.
const ACTOR_AND_VERB = /^(users?|admins?|administrators?|customers?|members?|owners?|people|staff|agents?)\s+(to\s+)?([a-z]+)\s+/i;
const SPLITTERS = /\s+(?:with|for|using|via|through|to|in|on|from|by|that|so|and|as|when|where|after|before)\s+/i;
// After these words comes what an activity works with ("login with magic links").
const INSTRUMENT = /\s+(?:with|using|via|through)\s+/i;
// Nouns naming an activity rather than a thing: the thing is elsewhere in the sentence.
const ACTIVITY_NOUNS = /^(login|log-in|sign-in|signin|sign-up|signup|authentication|auth|search|tracking|pricing|billing|checkout|onboarding)$/;
const STOP_WORDS = new Set(['a', 'an', 'the', 'new', 'our', 'their', 'his', 'her', 'its', 'my', 'your', 'all', 'user', 'users', 'support', 'ability', 'real-time', 'based', 'smart', 'beta']);

/** The phrase naming the thing the feature is about. */
function focusOf(subject: string): string {
  const segments = subject.split(SPLITTERS).map((segment) => segment.trim());
  const head = segments[0] ?? subject;
  const headWords = words(head);
  if (headWords.length === 0) return firstNoun(segments.slice(1)) ?? subject;
  if (!ACTIVITY_NOUNS.test(headWords.at(-1)!)) return head;
  // "search for products": what is searched; "login with magic links": what logs in.
  const after = subject.slice(head.length).trim();
  if (/^(for|of)\s/i.test(after) && headWords.at(-1) === 'search') return segments[1] ?? head;
  const instrument = subject.split(INSTRUMENT)[1]?.split(SPLITTERS)[0]?.trim();
  if (instrument && words(instrument).length) return instrument;
  return headWords.length > 1 ? headWords.slice(0, -1).join(' ') : head;
}

function firstNoun(segments: string[]): string | undefined {
  for (const segment of segments) {
    const noun = words(segment)[0];
    if (noun) return noun;
  }
  return undefined;
}

export function extractFeatureTerms(feature: string, description = ''): FeatureTerms {
  const subject = feature.trim().replace(LEADING_VERBS, '').replace(/[.!?]+$/, '') || feature.trim();
  const permissive = /^(let|allow|enable)\s/i.test(feature.trim());
  const focus = focusOf(permissive ? subject.replace(ACTOR_AND_VERB, '').replace(/^to\s+[a-z]+\s+/i, '') : subject);
  const nounWords = words(focus);
  const nouns = nounWords.filter((word) => !word.endsWith('ing') || nounWords.length === 1);
  const picked = (nouns.length > 0 ? nouns : nounWords).slice(-2);
  const entityWords = (picked.length > 0 ? picked : ['item']).map(singular).join(' ');
  const resourceWords = plural(entityWords);
  return {
    subject,
    resource: resourceWords.replace(/\s+/g, '-'),
    resourceWords,
    entityWords,
    table: resourceWords.replace(/[\s-]+/g, '_'),
    entity: entityWords
      .split(/[\s-]+/)
      .map((word) => word[0]!.toUpperCase() + word.slice(1))
      .join(''),
    sentences: description
      .split(/(?<=[.!?])\s+|\n+/)
      .map((sentence) => sentence.trim().replace(/[.!?]+$/, ''))
      .filter((sentence) => sentence.length > 3),
  };
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s-]/g, ' ')
    .split(/\s+/)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word) && /^[a-z]/.test(word));
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

function plural(phrase: string): string {
  const parts = phrase.split(' ');
  const last = parts.pop()!;
  const pluralLast = /[^aeiou]y$/.test(last)
    ? `${last.slice(0, -1)}ies`
    : /(s|x|ch|sh)$/.test(last)
      ? `${last}es`
      : `${last}s`;
  return [...parts, pluralLast].join(' ');
}
