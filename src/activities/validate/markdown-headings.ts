import { Lexer } from 'marked';
import type { ValidationResult } from './validation-result';

/** Checks with a Markdown parser (not a regex) that every required heading is present. */
export function checkHeadings(name: string, markdown: string, required: readonly string[]): ValidationResult {
  const headings = new Set(
    Lexer.lex(markdown).flatMap((token) => (token.type === 'heading' ? [token.text.trim()] : [])),
  );
  const errors = required
    .filter((heading) => !headings.has(heading))
    .map((heading) => `${name}: missing heading "${heading}"`);
  return { validator: `headings of ${name}`, valid: errors.length === 0, errors };
}
