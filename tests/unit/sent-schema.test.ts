import { generateSync, type JsonSchema } from 'json-schema-faker';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  NON_EMPTY_PATTERN,
  OPENAI_STRICT,
  sentSchema,
  WITH_LENGTHS,
  type SchemaDialect,
} from '../../src/activities/llm/sent-schema';
import { PHASE_DEFINITIONS } from '../../src/activities/phases/index';
import { PHASES } from '../../src/shared/phases';

type Node = Record<string, unknown>;

const DIALECTS: [string, SchemaDialect][] = [
  ['OpenAI strict', OPENAI_STRICT],
  ['with lengths', WITH_LENGTHS],
];
/** Keywords whose children are schemas: walked, not compared. */
const NESTING = new Set(['properties', 'items', 'anyOf']);
/** Keywords that change the shape: the sent schema closes objects and requires every property. */
const SHAPE = new Set(['type', 'additionalProperties', 'required']);
/** Keywords that tell or constrain a value: each must reach the sent schema, or an equivalent must. */
const CONSTRAINTS = new Set([
  'description',
  'title',
  'pattern',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
]);
/** What a dialect cannot carry and nothing can stand in for: OpenAI strict takes no maxLength, and a bounded pattern would be as long as the bound. */
const NO_EQUIVALENT: Record<string, ReadonlySet<string>> = {
  'OpenAI strict': new Set(['maxLength']),
  'with lengths': new Set(),
};

const schemaOf = (phase: (typeof PHASES)[number]) => PHASE_DEFINITIONS[phase].schema as z.ZodType;
const checkedSchema = (phase: (typeof PHASES)[number]) =>
  z.toJSONSchema(schemaOf(phase), { unrepresentable: 'any' }) as Node;

/** Every constraint of the checked schema that the sent one lacks, with no equivalent, by path. */
function droppedConstraints(checked: Node, sent: Node, dialect: string, path = '$'): string[] {
  const dropped: string[] = [];
  for (const [keyword, value] of Object.entries(checked)) {
    if (keyword === '$schema' || SHAPE.has(keyword)) continue;
    if (NESTING.has(keyword)) {
      dropped.push(...nested(keyword, value, sent[keyword], dialect, path));
      continue;
    }
    if (!CONSTRAINTS.has(keyword)) {
      dropped.push(`${path}: ${keyword} is not a keyword this test knows; say how it reaches the model`);
      continue;
    }
    if (JSON.stringify(sent[keyword]) === JSON.stringify(value)) continue;
    if (
      keyword === 'minLength' &&
      typeof sent.pattern === 'string' &&
      patternImpliesMinLength(sent.pattern, value as number)
    )
      continue;
    if (NO_EQUIVALENT[dialect]!.has(keyword) && sent[keyword] === undefined) continue;
    dropped.push(`${path}: ${keyword} ${JSON.stringify(value)} is sent as ${JSON.stringify(sent[keyword])}`);
  }
  return dropped;
}

function nested(keyword: string, checked: unknown, sent: unknown, dialect: string, path: string): string[] {
  if (keyword === 'properties') {
    return Object.entries(checked as Record<string, Node>).flatMap(([name, child]) =>
      (sent as Record<string, Node> | undefined)?.[name]
        ? droppedConstraints(child, (sent as Record<string, Node>)[name]!, dialect, `${path}.${name}`)
        : [`${path}.${name}: not sent`],
    );
  }
  if (Array.isArray(checked))
    return checked.flatMap((child, index) =>
      droppedConstraints(
        child as Node,
        ((sent as Node[] | undefined) ?? [])[index] ?? {},
        dialect,
        `${path}.${keyword}[${index}]`,
      ),
    );
  return droppedConstraints(checked as Node, (sent as Node | undefined) ?? {}, dialect, `${path}.${keyword}`);
}

/** A pattern stands in for minLength 1 when it refuses the one shorter string; longer minimums have one form. */
function patternImpliesMinLength(pattern: string, minLength: number): boolean {
  return minLength === 1 ? !new RegExp(pattern).test('') : pattern === `^.{${minLength - 1},}[^ ].*$`;
}

function everyNode(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => everyNode(child, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as Node);
  for (const [keyword, child] of Object.entries(node)) {
    if (keyword === 'properties')
      Object.values(child as Record<string, unknown>).forEach((property) => everyNode(property, visit));
    else everyNode(child, visit);
  }
}

describe('the schema sent to the model', () => {
  describe.each(DIALECTS)('%s', (dialect, options) => {
    it.each(PHASES)('carries every constraint the %s check applies, or an equivalent', (phase) => {
      expect(droppedConstraints(checkedSchema(phase), sentSchema(schemaOf(phase), options), dialect)).toEqual([]);
    });

    it.each(PHASES)('draws 200 random %s answers that all pass the check', (phase) => {
      const sent = sentSchema(schemaOf(phase), options) as JsonSchema;
      const refused: string[] = [];
      for (let seed = 1; seed <= 200; seed += 1) {
        // Short lists and texts keep 200 draws quick; the bounds themselves are compared above.
        const answer = generateSync(sent, { seed, maxItems: 4, maxLength: 40 });
        const parsed = schemaOf(phase).safeParse(answer);
        // Refinements check references between items ("edges join known components"): the repair loop's work, not the schema's.
        const issues = parsed.success ? [] : parsed.error.issues.filter((issue) => issue.code !== 'custom');
        refused.push(...issues.map((issue) => `seed ${seed}: ${issue.path.join('.')}: ${issue.message}`));
      }
      expect(refused.slice(0, 5)).toEqual([]);
    });
  });

  it.each(PHASES)('writes %s patterns every converter takes: anchored, explicit classes, no lookaround', (phase) => {
    const patterns: string[] = [];
    for (const [, options] of DIALECTS)
      everyNode(
        sentSchema(schemaOf(phase), options),
        (node) => typeof node.pattern === 'string' && patterns.push(node.pattern),
      );
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) {
      expect(pattern).toMatch(/^\^.*\$$/);
      // llama-cpp-python's converter passes escapes through to the grammar, whose parser refuses \d, \S and even \.
      expect(pattern, `${pattern}: write an explicit class such as [0-9] or [.] instead of an escape`).not.toContain(
        '\\',
      );
      expect(pattern).not.toMatch(/\(\?/);
    }
  });

  it.each(PHASES)('sends OpenAI strict mode no length keyword in %s, and closes every object', (phase) => {
    everyNode(sentSchema(schemaOf(phase), OPENAI_STRICT), (node) => {
      expect(node).not.toHaveProperty('minLength');
      expect(node).not.toHaveProperty('maxLength');
      if (node.type === 'object') {
        expect(node.additionalProperties).toBe(false);
        expect(node.required).toEqual(Object.keys(node.properties as object));
      }
    });
  });

  it('writes a required text as minLength where lengths reach the server, and as a pattern where they cannot', () => {
    const schema = z.object({ summary: z.string().min(1).max(50) });
    expect(sentSchema(schema, WITH_LENGTHS).properties).toEqual({
      summary: { type: 'string', minLength: 1, maxLength: 50 },
    });
    expect(sentSchema(schema, OPENAI_STRICT).properties).toEqual({
      summary: { type: 'string', pattern: NON_EMPTY_PATTERN },
    });
  });

  it('leaves out the keywords a server refused', () => {
    const schema = z.object({ tags: z.array(z.string().min(1)).min(1).max(3) });
    const sent = sentSchema(schema, { lengths: true, omit: new Set(['maxItems', 'minLength']) });
    expect(sent.properties).toEqual({
      tags: { type: 'array', minItems: 1, items: { type: 'string', pattern: NON_EMPTY_PATTERN } },
    });
  });

  it('finds a dropped constraint: the check that guards this file works', () => {
    const checked = { type: 'object', properties: { id: { type: 'string', pattern: '^FR-[0-9]+$', maxLength: 9 } } };
    expect(
      droppedConstraints(checked, { type: 'object', properties: { id: { type: 'string' } } }, 'with lengths'),
    ).toEqual(['$.id: pattern "^FR-[0-9]+$" is sent as undefined', '$.id: maxLength 9 is sent as undefined']);
  });
});
