import type { SpecRunStatus } from '../shared/spec-run';
import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import type { PackContents } from '../activities/render/pack-contents';
import type { PhaseName } from '../shared/phases';
import { phaseItems, type PhaseItem } from './phase-items';
import type { PhaseRevision } from './phase-revisions';
import { renderPhaseSection } from './phase-section';
import { reviewPack } from './review-pack';
import { loadReviewedPhases } from './reviewed-phases';

export interface RenderedRevision {
  stored: PhaseRevision;
  /** The pack this revision would be part of: the approved phases with this revision in its place. */
  pack: PackContents;
  markdown: string;
  items: PhaseItem[];
}

/** One stored revision, rendered as the pack would show it with the run's approved phases. */
export async function renderRevision(
  store: ArtifactStore,
  status: SpecRunStatus,
  phase: PhaseName,
  revision: number,
): Promise<RenderedRevision> {
  const phases = await loadReviewedPhases(store, status, { phase, revision });
  const stored = phases[phase];
  if (!stored) throw new Error(`${phase}.r${revision}.json disappeared while it was read`);
  const pack = reviewPack(status, phases);
  return { stored, pack, markdown: renderPhaseSection(pack, phase), items: phaseItems(phase, stored.content) };
}
