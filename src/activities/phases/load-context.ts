import type { ArtifactStore } from '../artifacts/artifact-store';
import { readProjectContext } from '../context/read-project-context';
import { answeredRequirements } from './answered-requirements';
import { loadPhaseContents } from './load-phase-contents';
import type { PhaseContext } from './phase-definition';
import type { PhaseInput } from './phase-input';

export async function loadContext(store: ArtifactStore, input: PhaseInput): Promise<PhaseContext> {
  const earlier = await loadPhaseContents(store, input.earlier);
  // Answers given at the requirements gate override the defaults the requirements were written with.
  if (earlier.requirements) earlier.requirements = answeredRequirements(earlier.requirements, input.answers);
  return {
    specId: input.specId,
    feature: input.feature,
    description: input.description,
    revision: input.revision,
    feedback: input.feedback,
    answers: input.answers,
    earlier,
    ...(input.context ? { project: await readProjectContext(store, input.context) } : {}),
  };
}
