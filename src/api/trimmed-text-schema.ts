// Characters the API drops from single-line text before measuring it (src/shared/plain-text.ts):
// C0 and C1 controls other than the line breaks, which become spaces.
const DROPPED = '\\x00-\\x08\\x0e-\\x1f\\x7f-\\x84\\x86-\\x9f';
const KEPT = `[^${DROPPED}]`;
const VISIBLE = `[^\\s${DROPPED}]`;

/**
 * A JSON Schema pattern for text the API trims before it checks `minLength`: somewhere in the
 * string, a visible character, at least `minLength - 2` kept characters, and another visible one.
 * JSON Schema's minLength alone would promise that "   " is a valid three-character feature.
 */
export function trimmedTextPattern(minLength: number): string {
  if (minLength <= 1) return VISIBLE;
  return `${VISIBLE}(?:[${DROPPED}]*${KEPT}){${minLength - 2},}[${DROPPED}]*${VISIBLE}`;
}

/** Adds the trimming to a generated string schema: the pattern, and a sentence saying so. */
export function describeTrimmed(schema: Record<string, unknown> | undefined): void {
  if (!schema || schema.type !== 'string') return;
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 1;
  schema.pattern = trimmedTextPattern(minLength);
  const note = `Leading and trailing spaces are trimmed, and control characters dropped, before the length is checked (at least ${minLength} character${minLength === 1 ? '' : 's'}).`;
  schema.description = schema.description ? `${String(schema.description)} ${note}` : note;
}
