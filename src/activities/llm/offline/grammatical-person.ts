/** Pronouns of a verb phrase moved between persons: the title's "their invoices" is a story's "my invoices". */

const FIRST_PERSON: [RegExp, string][] = [
  [/\bthey are\b/gi, 'I am'],
  [/\bthey were\b/gi, 'I was'],
  [/\bthey're\b/gi, "I'm"],
  [/\bthemselves\b/gi, 'myself'],
  [/\btheirs\b/gi, 'mine'],
  [/\btheir\b/gi, 'my'],
  [/\bthem\b/gi, 'me'],
  [/\bthey\b/gi, 'I'],
  [/\b(his|her|your|our)\b/gi, 'my'],
  [/\b(himself|herself|yourself|ourselves)\b/gi, 'myself'],
];

/** "delete their account" → "delete my account": what an actor says of themselves in a user story. */
export function firstPerson(phrase: string): string {
  return FIRST_PERSON.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), phrase);
}

/** "reset his password", "export my data" → "reset their password", "export their data": what actors do, said of them. */
export function thirdPersonPlural(phrase: string): string {
  return phrase
    .replace(/\b(his|her|my|your|our)\b/gi, 'their')
    .replace(/\b(himself|herself|myself|yourself|ourselves)\b/gi, 'themselves');
}

/** "exporting their data" → "exporting the data": a noun phrase with no one for a possessive to point at. */
export function withoutPossessives(phrase: string): string {
  return phrase.replace(/\b(their|his|her|my|your|our)\b/gi, 'the');
}
