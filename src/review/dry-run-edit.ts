import type { SpecRunStatus } from '../shared/spec-run';
import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import type { PhaseContents } from '../activities/phases/phase-contents';
import { checkPhaseContent, type CheckedContent } from '../activities/validate/check-phase-content';
import { PHASES, type PhaseName } from '../shared/phases';
import { loadReviewedPhases } from './reviewed-phases';

/**
 * The checks an `edit` decision would get, run now without deciding anything: the same function
 * acceptEdit runs, against the same approved earlier phases.
 */
export async function dryRunEdit(
  store: ArtifactStore,
  status: SpecRunStatus,
  phase: PhaseName,
  content: unknown,
): Promise<CheckedContent> {
  const approved = await loadReviewedPhases(store, status);
  const earlier = Object.fromEntries(
    PHASES.slice(0, PHASES.indexOf(phase)).flatMap((name) => (approved[name] ? [[name, approved[name].content]] : [])),
  ) as Partial<PhaseContents>;
  const revision = status.phases.find((entry) => entry.name === phase)?.revision ?? 0;
  return checkPhaseContent(phase, content, {
    specId: status.id,
    feature: status.feature,
    description: '',
    revision: revision + 1,
    feedback: [],
    answers: status.answers ?? {},
    earlier,
  });
}
