import type { PhaseContents } from '../phases/phase-contents';
import { designOf, traceRequirements } from '../render/traceability';

/**
 * Requirements the phases so far leave without design or a test, once that is knowable: a
 * functional one is designed from the architecture on; a non-functional one may also be met by
 * a control or a rollout check, so its design is known once the rollout is planned.
 */
export function orphanRequirements(phases: Partial<PhaseContents>): string[] {
  const designed = Boolean(phases.architecture ?? phases.database ?? phases.api);
  return traceRequirements(phases)
    .rows.filter((row) => {
      const designKnown = row.kind === 'functional' ? designed : Boolean(phases.rollout);
      return (designKnown && designOf(row).length === 0) || (phases.testing && row.tests.length === 0);
    })
    .map((row) => row.requirement);
}
