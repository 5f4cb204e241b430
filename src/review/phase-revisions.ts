import { readdir, readFile } from 'node:fs/promises';
import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import { sha256 } from '../activities/artifacts/hash';
import { PHASE_DEFINITIONS } from '../activities/phases/index';
import type { PhaseDefinition } from '../activities/phases/phase-definition';
import type { PhaseName } from '../shared/phases';
import type { PhaseResult } from '../shared/spec-run';
import { assertNotEvicted } from './evicted-run';
import type { PhaseCheck } from './review-types';

/** One stored revision of a phase: the result the workflow saw, with its content and checks. */
export interface PhaseRevision extends PhaseResult {
  content: unknown;
  /** Empty for files written before checks were recorded. */
  checks: PhaseCheck[];
}

type PhaseFile = Partial<Omit<PhaseRevision, 'artifact'>> & { content: unknown };

/**
 * The revisions stored for a phase, oldest first, read from the run's folder: they are there for
 * closed runs and for runs no worker is serving.
 */
export async function listPhaseRevisions(store: ArtifactStore, specId: string, phase: PhaseName): Promise<number[]> {
  const pattern = new RegExp(`^${phase}\\.r([1-9][0-9]*)\\.json$`);
  const files = await readdir(store.runDir(specId)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const revisions = files
    .flatMap((file) => pattern.exec(file)?.[1] ?? [])
    .map(Number)
    .sort((a, b) => a - b);
  // None stored: not generated yet (404 later), or removed after the retention period (410 here).
  if (revisions.length === 0) await assertNotEvicted(store, specId);
  return revisions;
}

/** One revision as stored, or undefined when there is no such file. */
export async function readPhaseRevision(
  store: ArtifactStore,
  specId: string,
  phase: PhaseName,
  revision: number,
): Promise<PhaseRevision | undefined> {
  const file = `${phase}.r${revision}.json`;
  const filePath = store.resolveInside(store.runDir(specId), file);
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await assertNotEvicted(store, specId);
    return undefined;
  }
  const stored = JSON.parse(text) as PhaseFile;
  const definition = PHASE_DEFINITIONS[phase] as PhaseDefinition;
  return {
    phase,
    revision,
    artifact: {
      file,
      path: filePath,
      sha256: sha256(text),
      bytes: Buffer.byteLength(text),
      summary: definition.summarize(stored.content as never),
    },
    provider: stored.provider ?? 'unknown',
    model: stored.model ?? 'unknown',
    usage: stored.usage ?? { input: 0, output: 0 },
    cached: stored.cached ?? false,
    // Files older than the quality checks and the recorded validator results lack them.
    quality: stored.quality ?? [],
    orphans: stored.orphans ?? [],
    checks: stored.checks ?? [],
    content: stored.content,
  };
}

/** The newest stored revision of a phase, if any. */
export async function latestPhaseRevision(
  store: ArtifactStore,
  specId: string,
  phase: PhaseName,
): Promise<number | undefined> {
  return (await listPhaseRevisions(store, specId, phase)).at(-1);
}
