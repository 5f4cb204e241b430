import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { OPENAI_STRICT, sentSchema, WITH_LENGTHS } from '../../src/activities/llm/sent-schema';
import { PHASE_DEFINITIONS } from '../../src/activities/phases/index';
import { PHASES } from '../../src/shared/phases';

/**
 * llama.cpp's own JSON-Schema-to-grammar converters, as shipped in llama-cpp-python's sdist (pure
 * Python, no model needed): `pip download --no-deps --no-binary :all: llama-cpp-python==0.3.16`,
 * unpack it, and point LLAMA_CPP_PYTHON_SOURCE at the unpacked folder.
 */
const source = process.env.LLAMA_CPP_PYTHON_SOURCE;
const converter = source && path.join(source, 'vendor', 'llama.cpp', 'examples', 'json_schema_to_grammar.py');
const present = Boolean(converter && existsSync(converter));
const CHECK = path.join(import.meta.dirname, '..', 'helpers', 'llama-grammar-check.py');
const run = promisify(execFile);

if (!present) {
  console.warn(
    `llama.cpp grammar check skipped: LLAMA_CPP_PYTHON_SOURCE ${source ? `(${source}) holds no vendor/llama.cpp/examples/json_schema_to_grammar.py` : 'is not set'}; set it to an unpacked llama-cpp-python sdist to run it`,
  );
}

async function grammarErrors(schemas: Record<string, unknown>): Promise<Record<string, string[]>> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'specforge-grammar-'));
  const files = await Promise.all(
    Object.entries(schemas).map(async ([name, schema]) => {
      const file = path.join(folder, `${name}.json`);
      await writeFile(file, JSON.stringify(schema));
      return file;
    }),
  );
  const { stdout } = await run('python3', [CHECK, source!, ...files]);
  const results = JSON.parse(stdout) as Record<string, string[]>;
  return Object.fromEntries(Object.entries(results).map(([file, errors]) => [path.basename(file, '.json'), errors]));
}

describe.skipIf(!present)("the sent schemas, through llama.cpp's grammar converters (LLAMA_CPP_PYTHON_SOURCE)", () => {
  it("turns every phase's sent schema into a grammar llama.cpp's parser takes", async () => {
    const schemas = Object.fromEntries(
      PHASES.flatMap((phase) => {
        const schema = PHASE_DEFINITIONS[phase].schema as z.ZodType;
        return [
          [`${phase}.strict`, sentSchema(schema, OPENAI_STRICT)],
          [`${phase}.lengths`, sentSchema(schema, WITH_LENGTHS)],
        ];
      }),
    );
    const errors = await grammarErrors(schemas);
    expect(Object.keys(errors)).toHaveLength(2 * PHASES.length);
    expect(Object.entries(errors).filter(([, found]) => found.length > 0)).toEqual([]);
  });

  it('refuses a pattern with \\d as the server did: the check sees what killed it', async () => {
    const errors = await grammarErrors({
      escaped: { type: 'object', properties: { id: { type: 'string', pattern: '^FR-\\d+$' } }, required: ['id'] },
    });
    expect(errors.escaped!.join('\n')).toMatch(/unknown escape at/);
  });
});
