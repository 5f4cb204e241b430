import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { adoptPhases } from '../../src/activities/phases/adopt-phases';
import { FailureType } from '../../src/shared/failure-types';
import { PHASES } from '../../src/shared/phases';
import type { SpecBasis } from '../../src/shared/spec-run';
import { NARROWED_ANSWERS, runNarrowedPhases } from '../helpers/run-narrowed-phases';

let store: ArtifactStore;
let basisRun: Awaited<ReturnType<typeof runNarrowedPhases>>;
let basis: SpecBasis;

async function failureOf(work: Promise<unknown>): Promise<ApplicationFailure> {
  const error = await work.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
}

const fileContent = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-adopt-'));
  store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
  basisRun = await runNarrowedPhases(store, 'spec-basis-0001');
  basis = {
    kind: 'amendment',
    from: basisRun.specId,
    fromSlug: 'add-passwordless-login-with-magic-links',
    lineage: basisRun.specId,
    version: 2,
    approved: Object.fromEntries(PHASES.map((phase) => [phase, 1])),
    answers: NARROWED_ANSWERS,
  };
}, 120_000);

describe('adopting the phases a run starts from', () => {
  it("copies every approved phase into the new run's folder, with the approval hash it was generated under", async () => {
    const adopted = await adoptPhases(store, { specId: 'spec-amend-0001', basis });
    expect(Object.keys(adopted)).toEqual([...PHASES]);
    for (const phase of PHASES) {
      const original = basisRun.results[phase];
      const copy = adopted[phase]!;
      expect(path.dirname(copy.artifact.path)).toBe(store.runDir('spec-amend-0001'));
      expect(copy.artifact.file).toBe(`${phase}.r1.json`);
      expect(copy.artifact.summary).toBe(original.artifact.summary);
      expect((await fileContent(copy.artifact.path)).content).toEqual(
        (await fileContent(original.artifact.path)).content,
      );
      const { artifact: _copied, ...copyMeta } = copy;
      const { artifact: _original, ...originalMeta } = original;
      expect(copyMeta, phase).toEqual(originalMeta);
    }
  });

  it('adopts only the phases the basis approved, as a retry that failed at the database does', async () => {
    const adopted = await adoptPhases(store, {
      specId: 'spec-retry-0001',
      basis: { ...basis, kind: 'retry', version: 1, approved: { requirements: 1, architecture: 1 } },
    });
    expect(Object.keys(adopted)).toEqual(['requirements', 'architecture']);
    expect(adopted.architecture!.inputsHash).toBe(basisRun.results.architecture.inputsHash);
  });

  it('gives the same files and results when retried', async () => {
    const first = await adoptPhases(store, { specId: 'spec-amend-0002', basis });
    const again = await adoptPhases(store, { specId: 'spec-amend-0002', basis });
    expect(again).toEqual(first);
  });

  it('stamps a hash on phases stored before hashes existed', async () => {
    const oldRun = store.runDir('spec-old-0001');
    await mkdir(oldRun, { recursive: true });
    for (const phase of ['requirements', 'architecture'] as const) {
      const { inputsHash: _none, ...stored } = await fileContent(basisRun.results[phase].artifact.path);
      await writeFile(path.join(oldRun, `${phase}.r1.json`), JSON.stringify(stored));
    }
    const adopted = await adoptPhases(store, {
      specId: 'spec-amend-0003',
      basis: { ...basis, from: 'spec-old-0001', approved: { requirements: 1, architecture: 1 } },
    });
    expect(adopted.architecture!.inputsHash).toBe(basisRun.results.architecture.inputsHash);
    expect((await fileContent(adopted.architecture!.artifact.path)).inputsHash).toBe(
      basisRun.results.architecture.inputsHash,
    );
  });

  it('refuses a missing phase file, naming it, as a store this worker cannot reach, without retrying', async () => {
    const failure = await failureOf(
      adoptPhases(store, { specId: 'spec-amend-0004', basis: { ...basis, approved: { requirements: 5 } } }),
    );
    expect(failure.nonRetryable).toBe(true);
    expect(failure.type).toBe(FailureType.BasisMissing);
    expect(failure.message).toContain('spec-basis-0001/requirements.r5.json is missing');
    expect(failure.message).toContain('not reachable from this worker');
  });

  it('refuses a corrupt phase file the same way', async () => {
    const brokenRun = store.runDir('spec-broken-0001');
    await mkdir(brokenRun, { recursive: true });
    await writeFile(path.join(brokenRun, 'requirements.r1.json'), '{"phase": "requirements", "revis');
    const failure = await failureOf(
      adoptPhases(store, {
        specId: 'spec-amend-0005',
        basis: { ...basis, from: 'spec-broken-0001', approved: { requirements: 1 } },
      }),
    );
    expect(failure.nonRetryable).toBe(true);
    expect(failure.type).toBe(FailureType.BasisMissing);
    expect(failure.message).toContain('spec-broken-0001/requirements.r1.json is not requirements revision 1');
  });
});
