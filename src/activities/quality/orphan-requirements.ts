import type { PhaseContents } from '../phases/phase-contents';
import { traceRequirements } from '../render/traceability';

/** Requirements the phases so far leave without design (once designed) or without a test (once tested). */
export function orphanRequirements(phases: Partial<PhaseContents>): string[] {
  const designed = Boolean(phases.architecture ?? phases.database ?? phases.api);
  return traceRequirements(phases)
    .rows.filter((row) => (designed && row.components.length + row.tables.length + row.endpoints.length === 0) || (phases.testing && row.tests.length === 0))
    .map((row) => row.requirement);
}
