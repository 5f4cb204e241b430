import { z } from 'zod';

/** What a server's structured output takes of JSON Schema. */
export interface SchemaDialect {
  /** minLength and maxLength reach the server; OpenAI strict mode refuses them. */
  lengths: boolean;
  /** Keywords this server refused: left out of what it is sent. */
  omit: ReadonlySet<string>;
}

export const OPENAI_STRICT: SchemaDialect = { lengths: false, omit: new Set() };
export const WITH_LENGTHS: SchemaDialect = { lengths: true, omit: new Set() };

/**
 * A string with at least one character that is not a space, in the pattern syntax both OpenAI
 * strict mode and llama.cpp's grammar converter take: anchored, explicit classes, no `\S`.
 */
export const NON_EMPTY_PATTERN = '^.*[^ ].*$';

const LENGTH_KEYWORDS = ['minLength', 'maxLength'];

/**
 * The JSON Schema sent to the model: every constraint the phase's zod schema checks, in the form
 * the server takes. Where lengths cannot be sent, a non-empty string becomes a pattern that
 * implies it; objects are closed and list every property, as strict mode requires.
 */
export function sentSchema(schema: z.ZodType, dialect: SchemaDialect = OPENAI_STRICT): Record<string, unknown> {
  const { $schema: _schema, ...jsonSchema } = z.toJSONSchema(schema, { unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return tighten(jsonSchema, dialect) as Record<string, unknown>;
}

function tighten(node: unknown, dialect: SchemaDialect): unknown {
  if (Array.isArray(node)) return node.map((each) => tighten(each, dialect));
  if (!node || typeof node !== 'object') return node;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    // Lengths a server refused still say that a string is required: replaceLengths turns them into a pattern.
    if (!dialect.omit.has(key) || LENGTH_KEYWORDS.includes(key))
      result[key] =
        key === 'properties' ? tightenEach(value as Record<string, unknown>, dialect) : tighten(value, dialect);
  }
  if (isString(result)) replaceLengths(result, dialect);
  if (result.type === 'object' && result.properties && typeof result.properties === 'object') {
    result.additionalProperties = false;
    result.required = Object.keys(result.properties);
  }
  return result;
}

function tightenEach(properties: Record<string, unknown>, dialect: SchemaDialect): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, tighten(property, dialect)]));
}

/** Lengths the server cannot take: a minimum becomes a pattern (when the string has none), a maximum is left to the check. */
function replaceLengths(node: Record<string, unknown>, dialect: SchemaDialect): void {
  const sendsLengths = dialect.lengths && !LENGTH_KEYWORDS.some((keyword) => dialect.omit.has(keyword));
  if (sendsLengths) return;
  const minLength = typeof node.minLength === 'number' ? node.minLength : 0;
  for (const keyword of LENGTH_KEYWORDS) delete node[keyword];
  if (minLength > 0 && node.pattern === undefined && !dialect.omit.has('pattern'))
    node.pattern = nonEmptyPattern(minLength);
}

function nonEmptyPattern(minLength: number): string {
  return minLength === 1 ? NON_EMPTY_PATTERN : `^.{${minLength - 1},}[^ ].*$`;
}

function isString(node: Record<string, unknown>): boolean {
  return node.type === 'string' || (Array.isArray(node.type) && node.type.includes('string'));
}
