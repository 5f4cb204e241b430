import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAILURE_TYPES, FailureType } from '../../src/shared/failure-types';

const SOURCE = path.resolve(import.meta.dirname, '../../src');
const CATALOGUE = path.join(SOURCE, 'shared/failure-types.ts');

async function sourceFiles(): Promise<{ file: string; text: string }[]> {
  const entries = await readdir(SOURCE, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => file !== CATALOGUE);
  return Promise.all(
    files.map(async (file) => ({ file: path.relative(SOURCE, file), text: await readFile(file, 'utf8') })),
  );
}

/** The failure types (PascalCase, unlike the details after them) a file spells out as string literals where it throws. */
function literalTypes(text: string): string[] {
  const thrown = [
    ...text.matchAll(/ApplicationFailure\.(?:nonRetryable|retryable)\((?:[^()]|\([^()]*\))*?,\s*'([A-Z][A-Za-z]+)'/g),
    ...text.matchAll(/ApplicationFailure\.create\(\{[^}]*?\btype:\s*'([A-Z][A-Za-z]+)'/g),
  ].map((match) => match[1]!);
  const named = FAILURE_TYPES.filter((type) => text.includes(`'${type}'`) || text.includes(`"${type}"`));
  return [...new Set([...thrown, ...named])];
}

describe('the failure type catalogue', () => {
  it('names each type once, as its own value', () => {
    expect(new Set(FAILURE_TYPES).size).toBe(FAILURE_TYPES.length);
    for (const [name, value] of Object.entries(FailureType)) expect(value).toBe(name);
  });

  it('is the only place in the source that spells a failure type', async () => {
    const spelled = (await sourceFiles()).flatMap(({ file, text }) =>
      literalTypes(text).map((type) => `${file}: '${type}'`),
    );
    expect(spelled).toEqual([]);
  });

  it('has no type nothing throws', async () => {
    const texts = (await sourceFiles()).map(({ text }) => text).join('\n');
    const unused = FAILURE_TYPES.filter(
      (type) => !texts.includes(`FailureType.${type}`) && !texts.includes(`.${type}`),
    );
    expect(unused).toEqual([]);
  });
});
