/**
 * Internal text that must not reach an API caller as is: a JavaScript error's name and message
 * (TypeError: Cannot read properties of undefined), a stack frame, or a serialised zod issue list.
 */
const INTERNAL_TEXT = [
  /\b(TypeError|ReferenceError|RangeError|SyntaxError|EvalError|URIError|AggregateError)\b/,
  /^\s*at .+:\d+:\d+\)?$/m,
  /^\s*[[{]\s*"?(code|expected|path|message|issues)"?\s*:/m,
  /^\s*\[\s*\{/,
  /"code"\s*:\s*"(invalid_type|too_small|too_big|invalid_value|unrecognized_keys|custom|invalid_union)"/,
];

/** Whether `text` reads as an internal error rather than a sentence written for the caller. */
export function isInternalText(text: string): boolean {
  return INTERNAL_TEXT.some((pattern) => pattern.test(text));
}
