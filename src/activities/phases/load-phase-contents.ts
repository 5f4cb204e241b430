import type { ArtifactStore } from '../artifacts/artifact-store';
import type { PhaseContents } from './phase-contents';
import type { PhaseName } from '../../shared/phases';
import type { ArtifactRef } from '../../shared/spec-run';

/** The stored content of each referenced phase output. */
export async function loadPhaseContents(
  store: ArtifactStore,
  references: Partial<Record<PhaseName, Pick<ArtifactRef, 'path'>>>,
): Promise<Partial<PhaseContents>> {
  const contents: Record<string, unknown> = {};
  for (const [phase, reference] of Object.entries(references)) {
    if (reference) contents[phase] = (await store.readJson<{ content: unknown }>(reference)).content;
  }
  return contents as Partial<PhaseContents>;
}
