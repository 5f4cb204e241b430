import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import type { PhaseInput } from '../../src/activities/phases/phase-input';
import { runPhase } from '../../src/activities/phases/run-phase';
import type { PhaseCheck } from '../../src/review/review-types';

const input: PhaseInput = {
  specId: 'spec-cached-checks-0001',
  phase: 'requirements',
  revision: 1,
  feature: 'Add passwordless login with magic links',
  description: '',
  feedback: [],
  answers: {},
  earlier: {},
};

async function freshStore(): Promise<ArtifactStore> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-cached-checks-'));
  return new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
}

async function onlyCacheFile(store: ArtifactStore): Promise<string> {
  const [name] = await readdir(store.cacheDir());
  return path.join(store.cacheDir(), name as string);
}

const readJson = async <T>(file: string) => JSON.parse(await readFile(file, 'utf8')) as T;

describe('a cached answer', () => {
  it('keeps the checks its content passed, so taking it again (a speculation approved) checks nothing again', async () => {
    const store = await freshStore();
    const first = await runPhase(createOfflineGenerator(), store, input);
    const cacheFile = await onlyCacheFile(store);
    const cached = await readJson<{ checks: PhaseCheck[] }>(cacheFile);
    const firstChecks = (await readJson<{ checks: PhaseCheck[] }>(first.artifact.path)).checks;
    expect(cached.checks.length).toBeGreaterThan(0);
    // The phase file lists the schema check before the cached ones.
    expect(firstChecks.slice(1)).toEqual(cached.checks);

    const marker = { validator: 'check recorded with the answer', valid: true, errors: [] };
    await writeFile(cacheFile, JSON.stringify({ ...cached, checks: [marker] }));
    const again = await runPhase(createOfflineGenerator(), store, input);
    expect(again.cached).toBe(true);
    expect((await readJson<{ checks: PhaseCheck[] }>(again.artifact.path)).checks.slice(1)).toEqual([marker]);
  });

  it('made before checks were cached is checked when taken', async () => {
    const store = await freshStore();
    const first = await runPhase(createOfflineGenerator(), store, input);
    const cacheFile = await onlyCacheFile(store);
    const { checks: _dropped, ...answer } = await readJson<{ checks: PhaseCheck[] }>(cacheFile);
    await writeFile(cacheFile, JSON.stringify(answer));
    const again = await runPhase(createOfflineGenerator(), store, input);
    expect(again.cached).toBe(true);
    expect((await readJson<{ checks: PhaseCheck[] }>(again.artifact.path)).checks).toEqual(
      (await readJson<{ checks: PhaseCheck[] }>(first.artifact.path)).checks,
    );
  });
});
