import type { ArtifactStore } from './artifacts/artifact-store';
import { resolveOutDir } from './artifacts/output-root';
import { checkTicketTarget, type CheckTicketTargetInput } from './tickets/check-ticket-target';
import type { TicketTarget } from './tickets/ticket-target';

export type RunSettingsInput = CheckTicketTargetInput & { outDir?: string };

/**
 * What only the worker can judge, checked before the phases spend any time: the pack's folder is
 * inside the worker's output root, and the ticket target is configured and reachable. A run that
 * fails here fails at its start, naming the setting to fix, not after eight reviewed phases.
 */
export async function checkRunSettings(
  store: ArtifactStore,
  targets: Partial<Record<TicketTarget['name'], TicketTarget>>,
  input: RunSettingsInput,
): Promise<void> {
  resolveOutDir(store.outDir, input.outDir);
  await checkTicketTarget(targets, input);
}
