import type { z } from 'zod';
import { HttpProblem } from './problem';

/** Parses with a zod schema; failures become a 422 naming each bad field. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  where: 'body' | 'query' | 'path',
): z.infer<Schema> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join('.') : where,
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
  throw new HttpProblem(
    422,
    'Invalid request',
    `The ${where} is invalid: ${errors.map((error) => `${error.field}: ${error.message}`).join('; ')}`,
    errors,
  );
}
