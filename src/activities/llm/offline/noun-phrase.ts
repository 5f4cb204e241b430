import { isAcronym, isPlural } from './noun-forms';

// Words after which a noun phrase's head has ended: "order history page | for shoppers".
const BREAKS =
  'with|for|of|using|via|through|to|in|on|from|by|that|which|so|and|or|as|at|when|whenever|where|if|unless|while|until|after|before|across|between|per|without|within|over|into|about|under';
export const PHRASE_BREAK = new RegExp(`\\s+(?:${BREAKS})\\s+`, 'i');
export const BREAK_WORD = new RegExp(`^(?:${BREAKS})$`, 'i');
const DETERMINER =
  /^(a|an|the|this|that|these|those|each|every|all|any|some|no|our|my|your|their|its|his|her|one|two|three|several|many|multiple|more|fewer|[0-9][0-9,.]*)$/i;
// Heads that take no article: "use two-factor authentication", "use dark mode".
const MASS_NOUNS = new Set([
  'access',
  'login',
  'log-in',
  'sign-in',
  'signin',
  'sign-on',
  'signon',
  'signup',
  'sign-up',
  'auth',
  'billing',
  'pricing',
  'checkout',
  'search',
  'support',
  'data',
  'history',
  'mode',
  'software',
  'feedback',
  'analytics',
  'storage',
  'security',
  'privacy',
  'compliance',
  'management',
  'development',
  'automation',
  'inventory',
  'payroll',
  'traffic',
  'usage',
  'insurance',
  'chat',
  'email',
  'mail',
  'metadata',
  'media',
  'content',
  'documentation',
  'help',
  'advice',
  'information',
  'info',
  'equipment',
  'research',
  'progress',
  'evidence',
  'knowledge',
  'weather',
  'time',
  'work',
  'money',
  'revenue',
  'spending',
  'attendance',
  'performance',
  'consent',
  'enrolment',
  'enrollment',
  'ui',
  'ux',
  'sso',
  'mfa',
  '2fa',
  'tracking',
  'staff',
]);

/** A noun phrase that can stand in any sentence: a bare singular countable head gets "the" ("the order history page"). */
export function standaloneNounPhrase(phrase: string): string {
  const trimmed = phrase.trim();
  const first = trimmed.split(/\s+/)[0] ?? '';
  if (!trimmed || DETERMINER.test(first)) return trimmed;
  return takesNoArticle(headOf(trimmed)) ? trimmed : `the ${trimmed}`;
}

/** The last word before the first preposition: the noun the phrase is about. */
function headOf(phrase: string): string {
  const head = phrase.split(PHRASE_BREAK)[0]!.trim().split(/\s+/).at(-1) ?? '';
  return head.replace(/[^A-Za-z0-9-]/g, '');
}

function takesNoArticle(head: string): boolean {
  const lower = head.toLowerCase();
  return (
    !head ||
    isAcronym(head) ||
    MASS_NOUNS.has(lower) ||
    /(ing|tion|sion|ity|ness|ance|ence|ics|ware|ism)$/.test(lower) ||
    isPlural(lower)
  );
}
