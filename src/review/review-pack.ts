import type { PhaseContents } from '../activities/phases/phase-contents';
import type { PackContents } from '../activities/render/pack-contents';
import { provenance } from '../activities/render/provenance';
import type { SpecRunStatus } from '../shared/spec-run';
import type { ReviewedPhases } from './reviewed-phases';
import { answeredRequirements } from '../activities/phases/answered-requirements';

/** What the pack renderers read, for the phases under review: the same input the final pack gets. */
export function reviewPack(status: SpecRunStatus, phases: ReviewedPhases): PackContents {
  const contents = Object.fromEntries(
    Object.entries(phases).map(([name, revision]) => [name, revision.content]),
  ) as Partial<PhaseContents>;
  if (contents.requirements) contents.requirements = answeredRequirements(contents.requirements, status.answers);
  return {
    specId: status.id,
    feature: status.feature,
    description: status.description ?? '',
    slug: status.slug,
    provenance: provenance(Object.values(phases)),
    phases: contents,
    decisions: status.decisions,
    // The draft technical spec carries the changelog the final pack will have.
    version: status.version,
    amends: status.amends,
    retries: status.retries,
    changes: status.changes,
  };
}
