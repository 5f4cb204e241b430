/** The -ing form and the past participle of a base-form verb: "export" → "exporting", "notify" → "notified". */

const IRREGULAR_PARTICIPLES: Record<string, string> = {
  send: 'sent',
  set: 'set',
  get: 'got',
  find: 'found',
  see: 'seen',
  show: 'shown',
  pay: 'paid',
  buy: 'bought',
  run: 'run',
  make: 'made',
  write: 'written',
  read: 'read',
  sell: 'sold',
  tell: 'told',
  give: 'given',
  take: 'taken',
  hide: 'hidden',
  split: 'split',
  put: 'put',
  build: 'built',
  lead: 'led',
  leave: 'left',
  keep: 'kept',
  hold: 'held',
  choose: 'chosen',
  forget: 'forgotten',
  begin: 'begun',
  bring: 'brought',
  do: 'done',
  be: 'been',
  have: 'had',
  upload: 'uploaded',
};
// Two-syllable verbs stressed on the last syllable double their final consonant: submitting, transferred.
const DOUBLING = new Set([
  'submit',
  'commit',
  'permit',
  'admit',
  'reset',
  'preset',
  'offset',
  'rerun',
  'remit',
  'equip',
  'unplug',
  'unwrap',
  'transfer',
  'refer',
  'prefer',
  'control',
  'patrol',
  'regret',
  'forget',
  'begin',
  'occur',
  'omit',
  'embed',
  'unpin',
  'unzip',
]);

export function gerund(verb: string): string {
  if (verb === 'be') return 'being';
  if (/ie$/.test(verb)) return `${verb.slice(0, -2)}ying`;
  if (/(ee|ye|oe)$/.test(verb)) return `${verb}ing`;
  if (/[^aeiou]e$/.test(verb) || /ue$/.test(verb)) return `${verb.slice(0, -1)}ing`;
  return `${doubled(verb)}ing`;
}

export function pastParticiple(verb: string): string {
  if (IRREGULAR_PARTICIPLES[verb]) return IRREGULAR_PARTICIPLES[verb]!;
  if (/e$/.test(verb)) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  return `${doubled(verb)}ed`;
}

/** One syllable ending consonant-vowel-consonant (stop, tag, plan), or a listed two-syllable verb. */
function doubled(verb: string): string {
  const singleSyllable = /^[^aeiou]*[aeiou][^aeiouwxy]$/.test(verb);
  return singleSyllable || DOUBLING.has(verb) ? verb + verb.slice(-1) : verb;
}
