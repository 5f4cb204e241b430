import { orphanRequirements } from '../quality/orphan-requirements';
import { loadPhaseContents } from './load-phase-contents';
import type { PhaseContents } from './phase-contents';
import type { PhaseInput } from './phase-input';
import type { ArtifactStore } from '../artifacts/artifact-store';

/**
 * Requirements left untraced across every approved phase with this one's new content: shown to
 * the reviewer at the gate, never read by generation. A sender that names no approved phases
 * handed every earlier one as `earlier`.
 */
export async function gateOrphans(store: ArtifactStore, input: PhaseInput, content: unknown): Promise<string[]> {
  const approved = await loadPhaseContents(store, input.approved ?? input.earlier);
  return orphanRequirements({ ...approved, [input.phase]: content } as Partial<PhaseContents>);
}
