import type { ArtifactStore } from '../artifacts/artifact-store';
import { readProjectContext } from '../context/read-project-context';
import { declaredInputs } from './declared-inputs';
import { loadAnsweredContents } from './load-answered-contents';
import type { PhaseContext } from './phase-definition';
import type { PhaseInput } from './phase-input';

export async function loadContext(store: ArtifactStore, input: PhaseInput): Promise<PhaseContext> {
  // Answers given at the requirements gate override the defaults the requirements were written with.
  const earlier = await loadAnsweredContents(store, declaredInputs(input.phase, input.earlier), input.answers);
  return {
    specId: input.specId,
    feature: input.feature,
    description: input.description,
    revision: input.revision,
    feedback: input.feedback,
    answers: input.answers,
    earlier,
    ...(input.context ? { project: await readProjectContext(store, input.context) } : {}),
    ...(input.previous
      ? { previous: (await store.readJson<{ content: PhaseContext['previous'] }>(input.previous)).content }
      : {}),
  };
}
