import { offlinePack } from './in-process-pack';
import type { PhaseContents } from '../../src/activities/phases/phase-contents';
import { PHASES } from '../../src/shared/phases';

/**
 * The offline pack of a title, and the grammar rules its text must follow, written from what
 * English says rather than from the generator's own code.
 */

/** Every phase written offline for a title, each on the ones before it, as an unattended run writes them. */
export const offlinePhases = (feature: string) => offlinePack(feature);

/** Every piece of text a phase holds, with where it is: the prose a reviewer reads. */
function textsOf(value: unknown, path = ''): { path: string; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => textsOf(item, `${path}.${index}`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => textsOf(item, path ? `${path}.${key}` : key));
  return [];
}

// The grammar rules, written from what English says rather than from the generator's code.
const VOWEL_LETTER_NAMES = 'AEFHILMNORSX';
const SAID_AS_WORDS = new Set(['SAML', 'JSON', 'GDPR', 'SCIM', 'NATO', 'LAN']);
const YOU_SOUNDS = /^(uni|us[aeu]|uti|ur[aeo]|eu|one\b|once)/i;
const SILENT_H = /^(hour|honest|honou?r|heir)/i;

function expectedArticle(word: string): 'a' | 'an' {
  if (/^[0-9]/.test(word)) return /^(8|11\b|18\b)/.test(word) ? 'an' : 'a';
  const acronym = /^[A-Z][A-Z0-9]+s?$/.test(word) || /^[A-Z]$/.test(word);
  if (acronym && !SAID_AS_WORDS.has(word)) return VOWEL_LETTER_NAMES.includes(word[0]!) ? 'an' : 'a';
  if (YOU_SOUNDS.test(word)) return 'a';
  if (SILENT_H.test(word)) return 'an';
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}

/** "a administrator", "an user", "a SSO": each article that does not fit the word after it. */
export function wrongArticles(text: string): string[] {
  return [...text.matchAll(/\b(a|an)\s+([A-Za-z0-9][A-Za-z0-9]*)/gi)]
    .filter(([, article, word]) => article!.toLowerCase() !== expectedArticle(word!))
    .map(([match]) => match);
}

export function doubledWords(text: string): string[] {
  return [...text.matchAll(/\b([A-Za-z]+)\s+\1\b/gi)].map(([match]) => match);
}

const VERBS =
  /^(export|exports|import|imports|send|schedule|approve|generate|sync|publish|archive|download|upload|merge|pause|grade|notify|reassign|remind|create|delete|rename|translate|refund|invite|track|share|review|let|allow|can|could)$/i;
const PEOPLE =
  /^(users?|customers?|admins?|administrators?|owners?|agents?|operators?|accountants?|instructors?|managers?|editors?|teachers?|tenants?|shoppers?|attendees?|auditors?|engineers?|analysts?|members?|hr|it)$/i;

/** "use customers export invoices", "use export invoices": a verb phrase pasted where a noun phrase belongs. */
export function pastedAfterUse(text: string): string[] {
  return [...text.matchAll(/\buse\s+([A-Za-z]+)(?:\s+([A-Za-z]+))?/gi)]
    .filter(
      ([, first, second]) => VERBS.test(first!) || (PEOPLE.test(first!) && second !== undefined && VERBS.test(second)),
    )
    .map(([match]) => match);
}

/** "they every change…", "can the invoice…": a subject or a modal with no verb after it. */
export function brokenClauses(text: string): string[] {
  return [...text.matchAll(/\b(they|I|can)\s+(every|each|a|an|the|any|this|its)\b/g)].map(([match]) => match);
}

/** "Invoice reminders for overdue accounts is served…": a sentence led by the feature's own plural phrase with a singular verb. */
export function singularVerbAfter(subject: string, text: string): string[] {
  const escaped = subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`(?:^|[.;:] )${escaped} (?:is|was|has|does|improves|needs|runs)\\b`, 'gi'))].map(
    ([match]) => match.replace(/^[.;:] /, ''),
  );
}

export function grammarProblems(phases: PhaseContents, pluralSubject?: string): string[] {
  return PHASES.flatMap((phase) =>
    textsOf(phases[phase], phase).flatMap(({ path, text }) =>
      [
        ...wrongArticles(text),
        ...doubledWords(text),
        ...pastedAfterUse(text),
        ...brokenClauses(text),
        ...(pluralSubject ? singularVerbAfter(pluralSubject, text) : []),
      ].map((problem) => `${path}: "${problem}" in "${text}"`),
    ),
  );
}
