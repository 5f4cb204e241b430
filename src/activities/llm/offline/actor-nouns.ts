import { isAcronym, isPlural, plural, singular } from './noun-forms';
import { isFeatureVerb } from './verb-catalog';

/** Who acts in a feature title: "Let HR managers import payslips" → HR manager, HR managers. */
export interface Actor {
  /** Singular, with its modifiers and their case: "HR manager", "enterprise customer". */
  one: string;
  /** Plural: "HR managers". */
  many: string;
}

export const DEFAULT_ACTOR: Actor = { one: 'user', many: 'users' };

const PEOPLE = new Set([
  'user',
  'customer',
  'admin',
  'administrator',
  'member',
  'owner',
  'person',
  'agent',
  'manager',
  'editor',
  'operator',
  'accountant',
  'instructor',
  'teacher',
  'student',
  'tenant',
  'shopper',
  'buyer',
  'seller',
  'merchant',
  'vendor',
  'supplier',
  'driver',
  'rider',
  'patient',
  'doctor',
  'nurse',
  'clinician',
  'employee',
  'developer',
  'reviewer',
  'author',
  'writer',
  'subscriber',
  'guest',
  'visitor',
  'partner',
  'moderator',
  'analyst',
  'auditor',
  'client',
  'recruiter',
  'candidate',
  'parent',
  'coach',
  'trainer',
  'learner',
  'host',
  'organiser',
  'organizer',
  'attendee',
  'volunteer',
  'donor',
  'landlord',
  'courier',
  'dispatcher',
  'approver',
  'team',
  'player',
  'creator',
  'contributor',
  'maintainer',
  'engineer',
  'designer',
  'marketer',
  'rep',
  'representative',
  'planner',
  'receptionist',
  'technician',
  'contractor',
  'freelancer',
  'worker',
  'supervisor',
  'lead',
  'leader',
  'staff',
  'teammate',
  'colleague',
  'shop',
  'store',
  'business',
  'company',
  'organisation',
  'organization',
  'school',
  'clinic',
  'agency',
  'reader',
  'viewer',
  'listener',
  'fan',
  'follower',
  'friend',
  'family',
  'traveller',
  'traveler',
  'passenger',
  'pilot',
  'resident',
  'homeowner',
  'investor',
  'lender',
  'borrower',
  'applicant',
  'seeker',
  'officer',
  'inspector',
  'caregiver',
  'therapist',
  'pharmacist',
  'dentist',
  'lawyer',
  'consultant',
  'advisor',
  'adviser',
  'broker',
  'dealer',
  'retailer',
  'wholesaler',
  'farmer',
]);
// Words that may stand before the actor noun and belong to it: "enterprise customers", "HR managers".
const MAX_MODIFIERS = 2;
// Department names that end in s yet stand before a person: "sales reps", "operations managers".
const PLURAL_MODIFIERS =
  /^(sales|operations|ops|systems|events|accounts|payments|communications|relations|services|claims|loans|admissions|logistics|analytics)$/i;
const DETERMINERS = /^(a|an|the|each|every|all|any|our|my|your|their|its|some|other|both)$/i;

/** The actor a phrase starts with, and how many of its words it took; undefined when it names nobody. */
export function leadingActor(words: string[]): { actor: Actor; length: number } | undefined {
  let start = 0;
  while (start < words.length && DETERMINERS.test(words[start]!)) start += 1;
  for (let end = start; end < Math.min(words.length, start + MAX_MODIFIERS + 1); end += 1) {
    const word = words[end]!;
    if (isPerson(word)) return { actor: actorFrom(words.slice(start, end + 1)), length: end + 1 };
    // A modifier is a word before its noun, singular and not a verb: "umpires publish user…" names no actor.
    if (
      !/^[A-Za-z][A-Za-z-]*$/.test(word) ||
      isFeatureVerb(word.toLowerCase()) ||
      (isPlural(word) && !isAcronym(word) && !PLURAL_MODIFIERS.test(word))
    )
      return undefined;
  }
  return undefined;
}

/** The actor a whole phrase names ("enterprise tenants"), or undefined when it is not only a person. */
export function actorNamedBy(phrase: string): Actor | undefined {
  const words = phrase
    .trim()
    .split(/\s+/)
    .filter((word) => word && !DETERMINERS.test(word));
  const found = leadingActor(words);
  return found && found.length === words.length ? found.actor : undefined;
}

export function isPerson(word: string): boolean {
  return PEOPLE.has(singular(word.toLowerCase())) || PEOPLE.has(word.toLowerCase());
}

function actorFrom(words: string[]): Actor {
  const cased = words.map((word) => (isAcronym(word) ? word : word.toLowerCase()));
  const head = cased.at(-1)!;
  const join = (noun: string) => [...cased.slice(0, -1), noun].join(' ');
  if (head === 'staff') return { one: join('staff member'), many: join('staff') };
  const one = isPlural(head) ? singular(head) : head;
  return { one: join(one), many: join(plural(one)) };
}
