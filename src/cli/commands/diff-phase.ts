import type { PhaseName } from '../../shared/phases';
import type { Colours } from '../colours';
import { formatPhaseDiff } from '../format-phase-diff';
import type { SpecBackend } from '../spec-backend';

/** `specforge diff`: what changed between two revisions of a phase (by default the last two), or (`--json`) the PhaseDiff. */
export async function diffPhase(
  backend: SpecBackend,
  id: string,
  phase: PhaseName,
  options: { from?: number; to?: number; json?: boolean },
  paint: Colours,
): Promise<string> {
  const diff = await backend.diff(id, phase, options.from, options.to);
  return options.json ? `${JSON.stringify(diff, null, 2)}\n` : formatPhaseDiff(diff, paint);
}
