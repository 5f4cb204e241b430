import type { SpecRunStatus } from '../shared/spec-run';
import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import type { PackContents } from '../activities/render/pack-contents';
import type { PhaseName } from '../shared/phases';
import { assertRevisionNumber, currentRevision, requireSomeRevision, requireStored } from './choose-revision';
import { packFileRenderers } from './pack-file-renderers';
import { listPhaseRevisions } from './phase-revisions';
import { renderRevision } from './render-revision';
import type { OpenQuestion, PackFileText, PhaseView } from './review-types';

/**
 * One revision of a phase as a reviewer reads it: by default the one the gate waits on, else the
 * one the status names, else the newest stored. 404 names `phase` or `revision` when missing;
 * a revision that is not a positive integer is 422.
 */
export async function readPhaseView(
  store: ArtifactStore,
  status: SpecRunStatus,
  phase: PhaseName,
  revision?: number,
): Promise<PhaseView> {
  assertRevisionNumber(revision, 'revision');
  const revisions = requireSomeRevision(await listPhaseRevisions(store, status.id, phase), phase);
  const current = currentRevision(status, phase, revisions)!;
  const chosen = revision === undefined ? current : requireStored(revision, revisions, phase, 'revision');
  const { stored, pack, markdown, items } = await renderRevision(store, status, phase, chosen);
  return {
    specId: status.id,
    phase,
    revision: chosen,
    revisions,
    current: chosen === current,
    state: status.phases.find((entry) => entry.name === phase)?.state ?? 'pending',
    provider: stored.provider,
    model: stored.model,
    summary: stored.artifact.summary,
    content: stored.content,
    markdown,
    quality: stored.quality,
    orphans: stored.orphans,
    checks: stored.checks,
    questions: openQuestions(pack),
    items: items.map(({ id, kind, label }) => ({ id, kind, label })),
    files: phaseFiles(pack, phase),
  };
}

function openQuestions(pack: PackContents): OpenQuestion[] {
  return (pack.phases.requirements?.questions ?? []).map(({ id, question, suggestedDefault, answer }) => ({
    id,
    question,
    suggestedDefault,
    answer,
  }));
}

function phaseFiles(pack: PackContents, phase: PhaseName): PackFileText[] {
  return packFileRenderers(pack.slug)
    .filter((renderer) => renderer.phase === phase)
    .map((renderer) => ({ file: renderer.file, text: renderer.render(pack) }));
}
