import type { ArtifactStore } from '../artifacts/artifact-store';
import { loadPhaseContents } from './load-phase-contents';
import type { PhaseContext } from './phase-definition';
import type { PhaseInput } from './phase-input';

export async function loadContext(store: ArtifactStore, input: PhaseInput): Promise<PhaseContext> {
  return {
    specId: input.specId,
    feature: input.feature,
    description: input.description,
    revision: input.revision,
    feedback: input.feedback,
    answers: input.answers,
    earlier: await loadPhaseContents(store, input.earlier),
  };
}
