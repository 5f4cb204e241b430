import { randomUUID } from 'node:crypto';
import type { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import type { Generator } from '../../src/activities/llm/generator';
import { runPhase } from '../../src/activities/phases/run-phase';
import { renderPack } from '../../src/activities/render/render-pack';
import { slugify } from '../../src/shared/slug';
import { PHASES, type PhaseName } from '../../src/shared/phases';
import type { PhaseResult } from '../../src/shared/spec-run';

/** The eight phase activities and the render activity in order, as an unattended run calls them. */
export async function runAllPhases(
  generator: Generator,
  store: ArtifactStore,
  request: { feature: string; description?: string },
) {
  const specId = `spec-sample-${randomUUID().slice(0, 8)}`;
  const phases: Partial<Record<PhaseName, PhaseResult>> = {};
  for (const phase of PHASES) {
    const earlier = Object.fromEntries(Object.values(phases).map((result) => [result.phase, result.artifact]));
    phases[phase] = await runPhase(generator, store, {
      specId,
      phase,
      revision: 1,
      feature: request.feature,
      description: request.description ?? '',
      feedback: [],
      answers: {},
      earlier,
    });
  }
  const slug = slugify(request.feature);
  const pack = await renderPack(store, {
    specId,
    slug,
    feature: request.feature,
    description: request.description ?? '',
    status: 'completed',
    phases,
    decisions: [],
    timings: [],
  });
  return { specId, slug, phases, pack };
}
