/** Who may use the feature, as an answer states it. */
export interface Audience {
  /** The answer in one line: "finance managers and administrators". */
  text: string;
  /** The roles it names, each a noun phrase: ["finance managers", "administrators"]. */
  roles: string[];
}

const SEPARATORS = /\s*(?:,|;|\/|\+|&|\band\b|\bor\b|\bplus\b)\s*/i;
const LEADING = /^(?:only|just|all|any|every|the|our|signed-in|logged-in)\s+/i;
const TRAILING = /\s+(?:only|too|as well)$/i;
// A role is a short noun phrase; anything after these words says what the role may do, not who it is.
const CLAUSE = /\s+(?:who|that|which|can|may|with|see|sees|read|reads|in|of|on|for)\b.*$/i;

/** Reads "Finance managers and administrators only"; the text as given and the roles in it. */
export function parseAudience(answer: string): Audience {
  // Said mid-sentence ("Only finance managers may use it"): no leading "only", no capital unless an acronym.
  const text = answer
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '')
    .replace(/^(?:only|just)\s+/i, '')
    .replace(TRAILING, '')
    .replace(/^[A-Z](?=[a-z])/, (letter) => letter.toLowerCase());
  const roles = text
    .split(SEPARATORS)
    .map((part) =>
      part.replace(CLAUSE, '').replace(LEADING, '').replace(LEADING, '').replace(TRAILING, '').trim().toLowerCase(),
    )
    .filter((role) => /[a-z]/.test(role) && role.split(' ').length <= 4);
  return { text, roles: [...new Set(roles)] };
}
