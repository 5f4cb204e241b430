export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "an administrator", "a user", "an SSO connection", "a URL", "an hourly report". */
export function withArticle(phrase: string): string {
  return `${indefiniteArticle(phrase)} ${phrase}`;
}

/** The article a phrase takes, by the sound of its first word rather than its first letter. */
function indefiniteArticle(phrase: string): 'a' | 'an' {
  const word = /^[^A-Za-z0-9]*([A-Za-z0-9]+)/.exec(phrase)?.[1] ?? '';
  if (/^[0-9]/.test(word)) return saidWithVowel(phrase) ? 'an' : 'a';
  if (isSpelledOut(word)) return LETTERS_SOUNDING_VOWEL.includes(word[0]!.toUpperCase()) ? 'an' : 'a';
  const lower = word.toLowerCase();
  if (CONSONANT_SOUND_VOWELS.test(lower)) return 'a';
  if (VOWEL_SOUND_CONSONANTS.test(lower)) return 'an';
  return /^[aeiou]/.test(lower) ? 'an' : 'a';
}

// Letters whose names start with a vowel sound: "an F", "an HR manager", "an SSO connection".
const LETTERS_SOUNDING_VOWEL = 'AEFHILMNORSX';
// Acronyms said as words take the article of the word: "a SAML assertion", "a NATO member".
const SPOKEN_ACRONYMS = new Set([
  'SAML',
  'SCIM',
  'SOAP',
  'NATO',
  'LAN',
  'RAM',
  'ROM',
  'MIME',
  'SASS',
  'FIFO',
  'LIFO',
  'RAID',
  'SIM',
  'SEPA',
  'NASA',
  'GIF',
  'JPEG',
  'JSON',
  'YAML',
  'WASM',
  'CAPTCHA',
  'GDPR',
  'HIPAA',
  'SOX',
  'SWIFT',
  'NIST',
  'MOOC',
]);
const CONSONANT_SOUND_VOWELS = /^(uni(?!n)|use|usa|usu|uti|ura|ure|uro|eu|ewe|one(?!r|s)|once|ubiq|uk$|ukr|uga|uvu)/;
const VOWEL_SOUND_CONSONANTS = /^(hour|honest|honou?r|heir|herb$)/;

/** Said letter by letter: capitals and digits not said as a word (SSO, URL, HR, S3, X-ray; not SAML). */
function isSpelledOut(word: string): boolean {
  return /^[A-Z]([A-Z0-9]+s?)?$/.test(word) && !SPOKEN_ACRONYMS.has(word.replace(/s$/, ''));
}

/** "an 8-hour window", "an 11-day trial", "an 18,000-row file"; but "a 1-minute delay", "a 110 ms budget". */
function saidWithVowel(phrase: string): boolean {
  const digits = /[0-9][0-9,]*/.exec(phrase)![0].replace(/,(?=[0-9]{3})/g, '');
  return digits.startsWith('8') || /^1[18]([0-9]{3})*$/.test(digits);
}
