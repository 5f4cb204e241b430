import { type Actor, actorNamedBy, leadingActor } from './actor-nouns';
import { isPlural, singular } from './noun-forms';
import { PHRASE_BREAK } from './noun-phrase';
import { isDoneToPeople, isFeatureVerb, isIntroducingVerb, startsWithFeatureVerb } from './verb-catalog';

/**
 * A feature title read as a clause: who acts (when it says), the verb it leads with (when it
 * does), and the rest. "Can HR managers import payslips?" → HR managers · import · payslips;
 * "Order history page for shoppers" → shoppers · (no verb) · order history page.
 */
export interface FeatureClause {
  actor?: Actor;
  /** Base form, lower case: "export". */
  verb?: string;
  /** The verb is done to the actor ("Notify users when…"): users are notified. */
  doneToActor: boolean;
  /** What follows the verb, or the whole noun phrase of a title without one; the title's own case. */
  rest: string;
  /** Whom a noun-led title is for, as written: "all users" in "Dark mode for all users". */
  audience?: string;
}

export function parseFeatureTitle(title: string): FeatureClause {
  const text = sentenceCase(
    title
      .trim()
      .replace(/[.!?]+$/, '')
      .replace(/\s+/g, ' '),
  );
  return restated(text) ?? question(text) ?? permission(text) ?? statement(text);
}

/** Titles written as a story, a wish or a condition first: "As an admin, I want to…", "We need…", "When a payment fails, notify…". */
function restated(text: string): FeatureClause | undefined {
  const story = /^as an?\s+(.+?),?\s+I\s+(?:want|need|would like|wish)\s+to\s+(.+?)(?:,?\s+so that\s+.*)?$/i.exec(text);
  if (story) return permission(`let ${story[1]} ${story[2]}`) ?? statement(story[2]!);
  const wish = /^(?:let['’]s|(?:we|i)\s+(?:want|need|would like|wish)(?:\s+to)?)\s+(.+)$/i.exec(text);
  if (wish) return parseAgain(wish[1]!);
  const condition = /^(when|whenever|if|once|after|before)\s+([^,]+),\s*(.+)$/i.exec(text);
  return condition ? parseAgain(`${condition[3]} ${condition[1]!.toLowerCase()} ${condition[2]}`) : undefined;
}

/** "Can customers…?", "How do admins…?", "What if users could…?", "Is it possible to…?" */
function question(text: string): FeatureClause | undefined {
  const wish =
    /^(?:do we need|should we have|should there be|could we have|can we have|can we get|could we get|what about|how about|why not)\s+(.+)$/i.exec(
      text,
    );
  if (wish) return parseAgain(wish[1]!);
  const possible =
    /^(?:is it possible|is there a way|would it be possible|any way)\s+(?:for\s+(.+?)\s+)?to\s+(.+)$/i.exec(text);
  if (possible)
    return possible[1]
      ? (permission(`let ${possible[1]} ${possible[2]}`) ?? statement(possible[2]!))
      : statement(possible[2]!);
  const whatIf = /^what if\s+(.+?)\s+(?:could|can|were able to|was able to|had a way to|might)\s+(.+)$/i.exec(text);
  if (whatIf) return permission(`let ${whatIf[1]} ${whatIf[2]}`) ?? statement(whatIf[2]!);
  const asked =
    /^(?:(?:how|when|where|why)\s+)?(?:can|could|should|may|might|would|will|do|does|shall)\s+(?!not\b)(.+)$/i.exec(
      text,
    );
  if (!asked) return undefined;
  const clause = asked[1]!.replace(/\b(?:be able to|also)\s+/gi, '');
  const pronoun = /^(?:we|i|you|one)\s+(.+)$/i.exec(clause);
  if (pronoun) return statement(pronoun[1]!);
  return permission(`let ${clause}`) ?? statement(clause);
}

/** "Let customers export…", "Allow an editor to publish…", "Enable instructors to…". */
function permission(text: string): FeatureClause | undefined {
  const permissive = /^(lets?|helps?|allows?|enables?|permits?|empowers?)\s+(.+)$/i.exec(text);
  if (!permissive) return undefined;
  const bareInfinitive = /^(lets?|helps?)$/i.test(permissive[1]!);
  const words = permissive[2]!.split(' ');
  const found = leadingActor(words);
  if (found) {
    const after = words.slice(found.length);
    const withTo = after[0]?.toLowerCase() === 'to';
    const verbAt = withTo ? 1 : 0;
    const verb = after[verbAt]?.toLowerCase();
    if (verb && (withTo || bareInfinitive || isFeatureVerb(verb)))
      return { actor: found.actor, verb, doneToActor: false, rest: after.slice(verbAt + 1).join(' ') };
  }
  const named = /^(.+?)\s+to\s+([A-Za-z]+)\s*(.*)$/.exec(permissive[2]!);
  if (named && named[1]!.split(' ').length <= 3) {
    const actor = actorNamedBy(named[1]!) ?? unlistedActor(named[1]!);
    return { actor, verb: named[2]!.toLowerCase(), doneToActor: false, rest: named[3]! };
  }
  if (bareInfinitive && words.length >= 2) {
    const actor = actorNamedBy(words[0]!) ?? unlistedActor(words[0]!);
    return { actor, verb: words[1]!.toLowerCase(), doneToActor: false, rest: words.slice(2).join(' ') };
  }
  return statement(permissive[2]!);
}

/** A title with no actor: it leads with a verb ("Export payroll reports") or names a thing ("Audit log of admin actions"). */
function statement(text: string): FeatureClause {
  const words = text.split(' ');
  const first = words[0]?.toLowerCase() ?? '';
  if (isIntroducingVerb(first) && words.length > 1) return introduced(words.slice(1).join(' '));
  if (startsWithFeatureVerb(words) || (!isFeatureVerb(first) && looksLikeVerb(words)))
    return verbLed(first, words.slice(1).join(' '));
  return nounLed(text);
}

/** "Add the ability for admins to…", "Support for…", or the thing added. */
function introduced(text: string): FeatureClause {
  const ability = /^(?:(?:the|an?)\s+)?(?:ability|option|possibility|way)\s+(?:for\s+(.+?)\s+)?to\s+(.+)$/i.exec(text);
  if (ability)
    return ability[1]
      ? (permission(`let ${ability[1]} ${ability[2]}`) ?? statement(ability[2]!))
      : statement(ability[2]!);
  return nounLed(text.replace(/^for\s+/i, ''));
}

function verbLed(verb: string, rest: string): FeatureClause {
  if (isDoneToPeople(verb)) {
    const found = leadingActor(rest.split(' '));
    if (found)
      return { actor: found.actor, verb, doneToActor: true, rest: rest.split(' ').slice(found.length).join(' ') };
  }
  return { verb, doneToActor: false, rest };
}

/** "Real-time order tracking for customers": the actor is whom it is for. */
function nounLed(text: string): FeatureClause {
  const forWhom = new RegExp(`\\s+for\\s+(.+?)(?=${PHRASE_BREAK.source}|$)`, 'i').exec(text);
  const actor = forWhom ? actorNamedBy(forWhom[1]!) : undefined;
  return actor
    ? { actor, doneToActor: false, rest: text.replace(forWhom![0], ''), audience: forWhom![1] }
    : { doneToActor: false, rest: text };
}

/** Someone the list of people does not know: "Let umpires…" → umpire, umpires; "Let finance…" → a finance user. */
function unlistedActor(phrase: string): Actor {
  const name = phrase.replace(/^(?:the|a|an|our|all)\s+/i, '').toLowerCase();
  const last = name.split(' ').at(-1)!;
  if (isPlural(last)) return { one: name.replace(/\S+$/, singular(last)), many: name };
  return { one: `${name} user`, many: `${name} users` };
}

function parseAgain(text: string): FeatureClause {
  return question(sentenceCase(text)) ?? permission(text) ?? statement(sentenceCase(text));
}

/**
 * A verb the catalogue does not know, by its shape: "Reassign tickets", "Prioritise alerts". The
 * word after it must start an object (a determiner or a plural) so "Recurring payments" stays a noun.
 */
function looksLikeVerb(words: string[]): boolean {
  const [first = '', second = ''] = words.map((word) => word.toLowerCase());
  const verbShape =
    /^(re|un|de|dis|auto)[a-z]{3,}$|(ize|ise|ify)$/.test(first) &&
    !/(ing|ed|al|ent|ant|ive|able|ible|ous|ful|less)$/.test(first);
  const objectFollows =
    /^(a|an|the|all|every|each|their|our|my|your|its|it|them)$/.test(second) ||
    (/s$/.test(second) && !/ss$/.test(second));
  return verbShape && objectFollows;
}

/** A title's first capital is a title's, not the word's: "Order history page" → "order history page"; acronyms and names keep theirs. */
function sentenceCase(text: string): string {
  const [first = '', second = ''] = text.split(' ');
  const keep = /^[A-Z][A-Z0-9]+s?\b/.test(first) || /^[A-Z]/.test(second) || /[A-Z]/.test(first.slice(1));
  return keep ? text : text.charAt(0).toLowerCase() + text.slice(1);
}
