import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { sha256 } from '../../src/activities/artifacts/hash';

async function freshStore(): Promise<{ root: string; store: ArtifactStore }> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-store-'));
  return { root, store: new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs')) };
}

function failureOf(work: () => unknown): ApplicationFailure {
  try {
    work();
  } catch (error) {
    return error as ApplicationFailure;
  }
  throw new Error('expected a failure');
}

describe('writing artifacts', () => {
  it('gives every write its own temporary name: forty writes of one file at once all land and leave nothing behind', async () => {
    const { store } = await freshStore();
    const folder = path.join(store.outDir, 'shared');
    const texts = Array.from({ length: 40 }, (_, index) => `version ${index}\n`.repeat(2_000));
    const written = await Promise.all(texts.map((text) => store.write(folder, 'report.json', text)));
    expect(written).toHaveLength(40);
    expect(await readdir(folder)).toEqual(['report.json']);
    // Whichever rename came last, the file is one whole version, never a mix.
    expect(texts).toContain(await readFile(path.join(folder, 'report.json'), 'utf8'));
  });

  it('records the sha256 of exactly what is on disk', async () => {
    const { store } = await freshStore();
    const reference = await store.writeJson(store.outDir, 'index.json', { created: ['epic'] });
    expect(reference.sha256).toBe(sha256(await readFile(reference.path)));
  });
});

describe('pack folders', () => {
  it('gives each run of the same feature a folder of its own under <out>/<slug>/', async () => {
    const { store } = await freshStore();
    const first = store.packDir({ specId: 'spec-export-invoices-00000001', slug: 'export-invoices' });
    const second = store.packDir({ specId: 'spec-export-invoices-00000002', slug: 'export-invoices' });
    expect(first).toBe(path.join(store.outDir, 'export-invoices', 'spec-export-invoices-00000001'));
    expect(second).not.toBe(first);
    expect(path.dirname(second)).toBe(path.dirname(first));
  });

  it('keeps a workflow id that is not a plain name to one folder inside the slug folder', async () => {
    const { store } = await freshStore();
    for (const specId of ['../../etc', 'a/b', '..', 'x\\..\\y']) {
      const folder = store.packDir({ specId, slug: 'feature' });
      expect(path.dirname(folder)).toBe(path.join(store.outDir, 'feature'));
    }
    expect(store.packDir({ specId: 'a/b', slug: 'feature' })).not.toBe(
      store.packDir({ specId: 'a_b', slug: 'feature' }),
    );
  });

  it('puts a relative outDir inside the output root, and takes an absolute one already inside it', async () => {
    const { store } = await freshStore();
    const run = { specId: 'spec-f-00000001', slug: 'f' };
    expect(store.packDir({ ...run, outDir: 'team-a' })).toBe(path.join(store.outDir, 'team-a', 'f', run.specId));
    const inside = path.join(store.outDir, 'team-b');
    expect(store.packDir({ ...run, outDir: inside })).toBe(path.join(inside, 'f', run.specId));
    expect(store.packDir({ ...run, outDir: store.outDir })).toBe(path.join(store.outDir, 'f', run.specId));
  });

  it('refuses an outDir outside the output root with a non-retryable failure naming SPECFORGE_OUT', async () => {
    const { root, store } = await freshStore();
    for (const outDir of ['/etc', path.join(root, 'home'), '../elsewhere', `${store.outDir}-sibling`]) {
      const failure = failureOf(() => store.packDir({ specId: 'spec-f-00000001', slug: 'f', outDir }));
      expect(failure).toBeInstanceOf(ApplicationFailure);
      expect(failure.nonRetryable).toBe(true);
      expect(failure.type).toBe('OutDirOutsideRoot');
      expect(failure.message).toContain('SPECFORGE_OUT');
    }
  });

  it('names a file by its place under the output root, not by a server path', async () => {
    const { store } = await freshStore();
    const folder = store.packDir({ specId: 'spec-f-00000001', slug: 'f' });
    expect(store.outputPath(path.join(folder, 'tickets', 'epic.md'))).toBe('f/spec-f-00000001/tickets/epic.md');
  });
});
