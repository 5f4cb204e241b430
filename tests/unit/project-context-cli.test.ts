import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readContextDocument } from '../../src/cli/read-context-document';
import { MAX_CONTEXT_LENGTH } from '../../src/shared/project-context-ref';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'specforge-context-cli-'));
});

describe('the context document of specforge new', () => {
  it('reads specforge.context.md in the current directory when --context names no file', async () => {
    await writeFile(path.join(directory, 'specforge.context.md'), 'MySQL 8, Kafka');
    expect(await readContextDocument(undefined, directory)).toEqual({
      text: 'MySQL 8, Kafka',
      source: 'specforge.context.md',
    });
  });

  it('reads the file --context names, relative to the current directory', async () => {
    await writeFile(path.join(directory, 'specforge.context.md'), 'PostgreSQL');
    await writeFile(path.join(directory, 'platform.md'), 'Go on Kubernetes');
    expect(await readContextDocument('platform.md', directory)).toEqual({
      text: 'Go on Kubernetes',
      source: 'platform.md',
    });
  });

  it('reads nothing with --no-context, or when there is no document', async () => {
    expect(await readContextDocument(undefined, directory)).toBeUndefined();
    await writeFile(path.join(directory, 'specforge.context.md'), 'MySQL 8');
    expect(await readContextDocument(false, directory)).toBeUndefined();
  });

  it('refuses a file --context names that cannot be read', async () => {
    await expect(readContextDocument('missing.md', directory)).rejects.toThrow(
      /cannot read the context document .*missing\.md/,
    );
  });

  it('refuses a document longer than every phase prompt can carry, saying how long it may be', async () => {
    await writeFile(path.join(directory, 'specforge.context.md'), 'x'.repeat(MAX_CONTEXT_LENGTH + 1));
    await expect(readContextDocument(undefined, directory)).rejects.toThrow(/has 20,001 characters; at most 20,000/);
  });
});
