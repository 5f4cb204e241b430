import { isPhaseName, type PhaseName } from '../../shared/phases';
import type { Colours } from '../colours';
import { formatPhaseView } from '../format-phase-view';
import type { SpecBackend, SpecStatusView } from '../spec-backend';

/** `specforge view`: a phase revision as Markdown with its checks and questions, or (`--json`) the PhaseView itself. */
export async function viewPhase(
  backend: SpecBackend,
  id: string,
  phase: PhaseName | undefined,
  options: { revision?: number; json?: boolean },
  paint: Colours,
): Promise<string> {
  const chosen = phase ?? currentPhase(await backend.status(id));
  const view = await backend.view(id, chosen, options.revision);
  return options.json ? `${JSON.stringify(view, null, 2)}\n` : formatPhaseView(view, paint);
}

/** The phase awaiting approval, else the last one that has a revision. */
export function currentPhase(status: Pick<SpecStatusView, 'pendingApproval' | 'phases' | 'id'>): PhaseName {
  const pending = status.pendingApproval?.phase;
  if (isPhaseName(pending)) return pending;
  const latest = status.phases.filter((phase) => phase.revision > 0 && phase.state !== 'pending').at(-1);
  if (!latest)
    throw new Error(`run ${status.id} has no phase to show yet; name one: specforge view ${status.id} requirements`);
  return latest.name;
}
