import type { ArtifactStore } from '../artifacts/artifact-store';
import type { PhaseContents } from './phase-contents';
import type { PhaseContext } from './phase-definition';
import type { PhaseInput } from './phase-input';

export async function loadContext(store: ArtifactStore, input: PhaseInput): Promise<PhaseContext> {
  const earlier: Record<string, unknown> = {};
  for (const [phase, reference] of Object.entries(input.earlier)) {
    if (reference) earlier[phase] = (await store.readJson<{ content: unknown }>(reference)).content;
  }
  return {
    specId: input.specId,
    feature: input.feature,
    description: input.description,
    revision: input.revision,
    feedback: input.feedback,
    answers: input.answers,
    earlier: earlier as Partial<PhaseContents>,
  };
}
