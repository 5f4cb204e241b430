/** Singular and plural of English nouns, as much as feature titles need: regular forms, a few irregular ones, acronyms. */

const IRREGULAR_PLURALS: Record<string, string> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  staff: 'staff',
  data: 'data',
  media: 'media',
  analysis: 'analyses',
  criterion: 'criteria',
  index: 'indexes',
};
const IRREGULAR_SINGULARS = Object.fromEntries(Object.entries(IRREGULAR_PLURALS).map(([one, many]) => [many, one]));
// Plurals of nouns that end in -ie, not -y: cookies, movies, selfies.
const ENDS_IN_IE =
  /(cookies|movies|zombies|rookies|selfies|hoodies|calories|pies|ties|lies|species|goalies|smoothies)$/;
// Nouns that end in s in the singular.
const SINGULAR_IN_S =
  /(ss|us|is|analytics|physics|mathematics|economics|ethics|logistics|politics|electronics|news|series|species|status|canvas|alias|gas|bus|atlas|chaos|lens)$/i;

export function singular(word: string): string {
  if (isAcronym(word)) return word.replace(/s$/, '');
  const lower = word.toLowerCase();
  if (IRREGULAR_SINGULARS[lower]) return matchCase(IRREGULAR_SINGULARS[lower]!, word);
  if (SINGULAR_IN_S.test(lower)) return word;
  if (/[^aeiou]ies$/i.test(word) && !ENDS_IN_IE.test(lower)) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zzes)$/i.test(word)) return word.slice(0, -2);
  if (/s$/i.test(word)) return word.slice(0, -1);
  return word;
}

/** The plural of a phrase's last word: "magic link" → "magic links", "HR manager" → "HR managers". */
export function plural(phrase: string): string {
  const parts = phrase.split(' ');
  const last = parts.pop()!;
  return [...parts, pluralWord(last)].join(' ');
}

export function isPlural(word: string): boolean {
  return (
    singular(word) !== word ||
    (IRREGULAR_SINGULARS[word.toLowerCase()] !== undefined && IRREGULAR_PLURALS[word.toLowerCase()] === undefined)
  );
}

function pluralWord(word: string): string {
  if (isAcronym(word)) return `${word}s`;
  const lower = word.toLowerCase();
  if (IRREGULAR_PLURALS[lower]) return matchCase(IRREGULAR_PLURALS[lower]!, word);
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

export function isAcronym(word: string): boolean {
  return /^[A-Z][A-Z0-9]+s?$/.test(word);
}

function matchCase(word: string, like: string): string {
  return /^[A-Z]/.test(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}
