import { z } from 'zod';

// Keywords OpenAI strict structured outputs refuse; the zod schema still checks them afterwards.
const UNSUPPORTED = new Set(['$schema', 'minLength', 'maxLength']);

/** The JSON Schema of a zod schema in the form strict structured outputs accept. */
export function strictJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return tighten(z.toJSONSchema(schema, { unrepresentable: 'any' })) as Record<string, unknown>;
}

function tighten(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(tighten);
  if (!node || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (!UNSUPPORTED.has(key)) result[key] = tighten(value);
  }
  if (result.type === 'object' && result.properties && typeof result.properties === 'object') {
    result.additionalProperties = false;
    result.required = Object.keys(result.properties);
  }
  return result;
}
