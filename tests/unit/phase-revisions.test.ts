import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { PHASE_DEFINITIONS } from '../../src/activities/phases/index';
import { listPhaseRevisions, readPhaseRevision } from '../../src/review/phase-revisions';

const SPEC = 'spec-revisions-00000001';

async function storeWith(files: Record<string, unknown>): Promise<ArtifactStore> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-revisions-'));
  const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
  await mkdir(store.runDir(SPEC), { recursive: true });
  for (const [name, value] of Object.entries(files))
    await writeFile(path.join(store.runDir(SPEC), name), JSON.stringify(value));
  return store;
}

describe('stored phase revisions', () => {
  const content = PHASE_DEFINITIONS.requirements.offline({
    specId: SPEC,
    feature: 'Export invoices to CSV',
    description: '',
    revision: 1,
    feedback: [],
    answers: {},
    earlier: {},
  });

  it("lists a phase's revisions in number order, from its files only", async () => {
    const store = await storeWith({
      'requirements.r10.json': { content },
      'requirements.r2.json': { content },
      'architecture.r1.json': { content },
      'requirements.r3.json.1234.tmp': {},
    });
    expect(await listPhaseRevisions(store, SPEC, 'requirements')).toEqual([2, 10]);
    expect(await listPhaseRevisions(store, 'spec-other-00000001', 'requirements')).toEqual([]);
  });

  it('reads a file written before checks and quality were recorded, with those lists empty', async () => {
    const store = await storeWith({
      'requirements.r1.json': {
        phase: 'requirements',
        revision: 1,
        provider: 'offline',
        model: 'offline-templates-v1',
        usage: { input: 0, output: 0 },
        cached: false,
        content,
      },
    });
    const revision = await readPhaseRevision(store, SPEC, 'requirements', 1);
    expect(revision).toMatchObject({
      phase: 'requirements',
      revision: 1,
      provider: 'offline',
      checks: [],
      quality: [],
      orphans: [],
      content,
    });
    expect(revision!.artifact).toMatchObject({
      file: 'requirements.r1.json',
      summary: PHASE_DEFINITIONS.requirements.summarize(content),
    });
    expect(await readPhaseRevision(store, SPEC, 'requirements', 2)).toBeUndefined();
  });
});
