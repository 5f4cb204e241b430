import type { PhaseName } from '../../shared/phases';
import type { ArtifactRef } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { answeredRequirements } from './answered-requirements';
import { loadPhaseContents } from './load-phase-contents';
import type { PhaseContents } from './phase-contents';

/**
 * The stored contents of the referenced phases as later phases build on them: answers given at
 * the requirements gate override the defaults the requirements were written with.
 */
export async function loadAnsweredContents(
  store: ArtifactStore,
  references: Partial<Record<PhaseName, Pick<ArtifactRef, 'path'>>>,
  answers: Record<string, string>,
): Promise<Partial<PhaseContents>> {
  const contents = await loadPhaseContents(store, references);
  if (contents.requirements) contents.requirements = answeredRequirements(contents.requirements, answers);
  return contents;
}
