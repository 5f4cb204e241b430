import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import type { PhaseCheck } from '../../review/review-types';
import { FailureType } from '../../shared/failure-types';
import { PHASES, type PhaseName } from '../../shared/phases';
import type { PhaseResult, SpecBasis } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { answeredRequirements } from './answered-requirements';
import { PHASE_DEFINITIONS } from './index';
import { inputsHashOf } from './inputs-hash';
import type { PhaseContents } from './phase-contents';
import type { PhaseDefinition } from './phase-definition';
import { phaseFileName } from './phase-file-name';

export interface AdoptPhasesRequest {
  /** The new run. */
  specId: string;
  basis: SpecBasis;
}

/** A phase file as storePhase writes it. */
type StoredPhase = Omit<PhaseResult, 'artifact'> & { checks: PhaseCheck[]; content: unknown };

/**
 * The basis run's approved phases, copied into the new run's folder and returned as approved
 * results: the new run reads its own folder only, and asks none of them again. Each carries the
 * hash of its inputs among the adopted phases, with the basis run's answers, so a reopen keeps
 * every approval its change does not reach. Copying again writes the same files: safe to retry.
 */
export async function adoptPhases(
  store: ArtifactStore,
  request: AdoptPhasesRequest,
): Promise<Partial<Record<PhaseName, PhaseResult>>> {
  const { basis, specId } = request;
  const adopted = PHASES.filter((phase) => basis.approved[phase] !== undefined);
  const stored: Partial<Record<PhaseName, { file: StoredPhase; summary: string }>> = {};
  for (const phase of adopted) stored[phase] = await readBasisPhase(store, basis, phase, basis.approved[phase]!);
  const answers = basis.answers ?? {};
  const earlier = Object.fromEntries(
    adopted.map((phase) => [phase, stored[phase]!.file.content]),
  ) as Partial<PhaseContents>;
  if (earlier.requirements) earlier.requirements = answeredRequirements(earlier.requirements, answers);

  const results: Partial<Record<PhaseName, PhaseResult>> = {};
  for (const phase of adopted) {
    const { file, summary } = stored[phase]!;
    // The hash it was generated under, when the file has one: a phase built on inputs the basis run
    // no longer holds (a retry after a failed reopen) must not pass for current. Older files get today's.
    const inputsHash = file.inputsHash ?? inputsHashOf(phase, { earlier, answers });
    const artifact = await store.writeJson(
      store.runDir(specId),
      phaseFileName(phase, file.revision),
      { ...file, inputsHash },
      summary,
    );
    results[phase] = {
      phase,
      revision: file.revision,
      artifact,
      provider: file.provider,
      model: file.model,
      usage: file.usage,
      cached: file.cached,
      quality: file.quality ?? [],
      orphans: file.orphans ?? [],
      inputsHash,
    };
  }
  return results;
}

/** One approved phase file of the basis run, with its summary: refused when it is absent or not what storePhase wrote. */
async function readBasisPhase(
  store: ArtifactStore,
  basis: SpecBasis,
  phase: PhaseName,
  revision: number,
): Promise<{ file: StoredPhase; summary: string }> {
  const source = store.resolveInside(store.runDir(basis.from), phaseFileName(phase, revision));
  // Named from the store's home, so the message tells an operator which file without the server's own root.
  const named = path.relative(store.home, source).split(path.sep).join('/');
  const unreachable = (problem: string) =>
    ApplicationFailure.nonRetryable(
      `${named} ${problem}: the ${basis.kind === 'amendment' ? 'amended' : 'retried'} run ${basis.from}'s store is not reachable from this worker (its workers and this one must share SPECFORGE_HOME)`,
      FailureType.BasisMissing,
      { file: named, phase, revision },
    );
  let text: string;
  try {
    text = await readFile(source, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw unreachable('is missing');
    throw error;
  }
  try {
    const file = JSON.parse(text) as StoredPhase;
    if (file.phase !== phase || file.revision !== revision || typeof file.content !== 'object' || !file.content)
      throw new Error('not a phase file');
    const definition = PHASE_DEFINITIONS[phase] as PhaseDefinition;
    return { file, summary: definition.summarize(file.content as never) };
  } catch {
    throw unreachable(`is not ${phase} revision ${revision} as specforge stored it`);
  }
}
