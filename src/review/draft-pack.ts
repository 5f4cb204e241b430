import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import { isPhaseName, type PhaseName } from '../shared/phases';
import type { SpecRunStatus } from '../shared/spec-run';
import { reachedRenderers } from './pack-file-renderers';
import { reviewPack } from './review-pack';
import { knownRevision, loadReviewedPhases } from './reviewed-phases';

export interface DraftFileEntry {
  file: string;
  summary: string;
}

/**
 * The files of the draft pack, named as in the final pack: while a run is open, for the phases it
 * has reached (approved, or waiting at the gate), leaving out the files the run has already written.
 * Read from the status alone, so listing costs no rendering.
 */
export function draftPackFiles(status: SpecRunStatus): DraftFileEntry[] {
  if (!isOpen(status)) return [];
  const written = new Set(status.artifacts.map((artifact) => artifact.file));
  return reachedRenderers(status.slug, draftPhases(status))
    .filter((renderer) => !written.has(renderer.file))
    .map(({ file, summary }) => ({
      file,
      summary: `${summary} (draft: approved phases and the one awaiting approval)`,
    }));
}

/** One draft file rendered now from the approved phases and the pending one; undefined when the draft has no such file. */
export async function renderDraftFile(
  store: ArtifactStore,
  status: SpecRunStatus,
  file: string,
): Promise<string | undefined> {
  if (!draftPackFiles(status).some((entry) => entry.file === file)) return undefined;
  const pending = status.pendingApproval;
  const reviewed =
    pending && isPhaseName(pending.phase)
      ? {
          phase: pending.phase,
          revision: (await knownRevision(store, status.id, pending.phase, pending.revision)) ?? 0,
        }
      : undefined;
  const phases = await loadReviewedPhases(store, status, reviewed);
  const pack = reviewPack(status, phases);
  const renderer = reachedRenderers(status.slug, Object.keys(phases) as PhaseName[]).find(
    (candidate) => candidate.file === file,
  );
  return renderer?.render(pack);
}

function draftPhases(status: SpecRunStatus): PhaseName[] {
  const pending = status.pendingApproval?.phase;
  return status.phases
    .filter((entry) => entry.state === 'approved' || entry.name === pending)
    .map((entry) => entry.name);
}

function isOpen(status: SpecRunStatus): boolean {
  return status.status === 'running' || status.status === 'awaiting_approval';
}
