import fc from 'fast-check';
import { MAX_FEATURE_LENGTH, createSpecBody } from '../../src/api/request-schemas';

// Pieces people (and attackers) put in titles: each must come out as text, in every file of the pack.
const hostile = fc.constantFrom(
  // Unicode, right-to-left text and marks, emoji (joined, flags, keycaps), combining marks.
  'تصدير الفواتير',
  'ייצוא חשבוניות',
  '\u200f',
  '\u202e',
  '\u2067',
  '🚀',
  '👩‍💻',
  '🇫🇷',
  '1️⃣',
  'Ñandú',
  'e\u0301',
  '請求書',
  '\ufeff',
  '\u200b',
  // NUL and control characters: the API drops them or makes them spaces.
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\r\n',
  '\t',
  '\u2028',
  '\ud800',
  // YAML.
  ': ',
  '- ',
  '? ',
  '&anchor',
  '*alias',
  '!tag',
  '%YAML 1.2',
  '---',
  '...',
  "'",
  '"',
  '@',
  // Mermaid.
  '-->',
  'X-->Y',
  '%%',
  '%%{init: {"theme":"dark"}}%%',
  'end',
  'subgraph',
  ';',
  'click A call alert(1)',
  '((',
  '))',
  '#quot;',
  'graph TD',
  // Markdown.
  '```',
  '~~~',
  '# ',
  '## 2. Architecture',
  '===',
  '> ',
  '* ',
  '1. ',
  '|',
  '[',
  ']',
  '{',
  '}',
  '#',
  ':',
  '`',
  '\\',
  '<!-- x -->',
  '&lt;script&gt;',
  '[a]: javascript:alert(1)',
  // Script and links.
  '<script>alert(1)</script>',
  '<ScRiPt >',
  '<img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)">',
  '[click](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '<javascript:alert(1)>',
  'javascript:alert(1)',
  // Words, so that the offline generator finds verbs, actors and things among the noise.
  'Export',
  'invoices',
  'Let admins',
  'approve',
  'to CSV',
  'invoices-',
  '-',
);
/** One piece of a hostile title: a string from the list above, or any characters at all. */
export const hostilePiece = fc.oneof(
  { weight: 6, arbitrary: hostile },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);
const joined = fc
  .tuple(fc.array(hostilePiece, { minLength: 1, maxLength: 20 }), fc.constantFrom(' ', ''))
  .map(([pieces, separator]) => pieces.join(separator));
// Lengths from the shortest the API takes to the longest: a title repeated and cut at MAX_FEATURE_LENGTH.
const long = fc
  .tuple(joined, fc.integer({ min: MAX_FEATURE_LENGTH - 100, max: MAX_FEATURE_LENGTH }))
  .map(([text, length]) => `Export ${text} `.repeat(Math.ceil(length / (text.length + 8))).slice(0, length));
/** A title as a client might send it, before the API cleans it. */
export const requestedFeature = fc.oneof({ weight: 4, arbitrary: joined }, { weight: 1, arbitrary: long });

/** The feature as the API hands it on, or undefined when the API refuses it (too short once cleaned). */
export function acceptedFeature(feature: string): string | undefined {
  const parsed = createSpecBody.safeParse({ feature });
  return parsed.success ? parsed.data.feature : undefined;
}

/** Titles the API accepts, as it hands them on: hostile pieces among words, from 3 to MAX_FEATURE_LENGTH characters. */
export const hostileFeature = requestedFeature
  .map(acceptedFeature)
  .filter((feature): feature is string => feature !== undefined);
