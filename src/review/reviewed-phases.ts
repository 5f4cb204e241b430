import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import { PHASES, type PhaseName } from '../shared/phases';
import type { SpecRunStatus } from '../shared/spec-run';
import { latestPhaseRevision, readPhaseRevision, type PhaseRevision } from './phase-revisions';

export type ReviewedPhases = Partial<Record<PhaseName, PhaseRevision>>;

/**
 * The phase revisions a pack is rendered from while it is reviewed: every approved phase, and in
 * place of its phase (approved or not) the revision under review. A status read from search
 * attributes knows states but not revision numbers: the newest file stands in.
 */
export async function loadReviewedPhases(
  store: ArtifactStore,
  status: SpecRunStatus,
  reviewed?: { phase: PhaseName; revision: number },
): Promise<ReviewedPhases> {
  const phases: ReviewedPhases = {};
  for (const name of PHASES) {
    const entry = status.phases.find((candidate) => candidate.name === name);
    const revision =
      reviewed?.phase === name
        ? reviewed.revision
        : entry?.state === 'approved'
          ? await knownRevision(store, status.id, name, entry.revision)
          : undefined;
    const stored = revision ? await readPhaseRevision(store, status.id, name, revision) : undefined;
    if (stored) phases[name] = stored;
  }
  return phases;
}

/** The revision the status names, or the newest file when it names none. */
export async function knownRevision(
  store: ArtifactStore,
  specId: string,
  phase: PhaseName,
  revision: number | undefined,
): Promise<number | undefined> {
  return revision && revision > 0 ? revision : latestPhaseRevision(store, specId, phase);
}
