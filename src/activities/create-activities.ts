import { checkRunSettings, type RunSettingsInput } from './check-run-settings';
import type { ArtifactStore } from './artifacts/artifact-store';
import type { Decision } from '../shared/decision';
import { isDecisionProofValid } from '../runs/decision-proof';
import type { Generator } from './llm/generator';
import { createWebhookNotifier, type WebhookSettings } from './notify/webhook-notifier';
import { acceptEdit, type EditRequest } from './phases/accept-edit';
import { adoptPhases, type AdoptPhasesRequest } from './phases/adopt-phases';
import { phaseInputsHash, type InputsHashRequest } from './phases/inputs-hash';
import type { PhaseInput } from './phases/phase-input';
import { runPhase } from './phases/run-phase';
import type { RenderInput } from './render/render-input';
import { renderPack } from './render/render-pack';
import { createRunSnapshotActivities } from './run-state/run-snapshots';
import { createTicketActivities } from './tickets/ticket-activities';
import type { TicketTarget } from './tickets/ticket-target';

export interface ActivityDependencies {
  generator: Generator;
  store: ArtifactStore;
  tickets: Partial<Record<TicketTarget['name'], TicketTarget>>;
  /** Where run events go; unset: nowhere. */
  webhook?: WebhookSettings;
  /** SPECFORGE_DECISION_KEY: checks the proof specforge's API puts on the decisions it authenticated. */
  decisionKey?: string;
}

/** The worker wires real clients in; tests wire fakes. No module state. */
export function createActivities({ generator, store, tickets, webhook, decisionKey }: ActivityDependencies) {
  const phase = (name: PhaseInput['phase']) => (input: Omit<PhaseInput, 'phase'>) =>
    runPhase(generator, store, { ...input, phase: name });
  return {
    generateRequirements: phase('requirements'),
    generateArchitecture: phase('architecture'),
    generateDatabase: phase('database'),
    generateApi: phase('api'),
    generateSecurity: phase('security'),
    generateTesting: phase('testing'),
    generateRollout: phase('rollout'),
    generateCost: phase('cost'),
    acceptEdit: (input: EditRequest) => acceptEdit(store, input),
    phaseInputsHash: (input: InputsHashRequest) => phaseInputsHash(store, input),
    adoptPhases: (input: AdoptPhasesRequest) => adoptPhases(store, input),
    renderPack: (input: RenderInput) => renderPack(store, input),
    notify: createWebhookNotifier(webhook ?? { publicUrl: 'http://localhost:3000' }),
    verifyDecision: async ({ specId, decision }: { specId: string; decision: Decision }) =>
      isDecisionProofValid(decisionKey, specId, decision),
    checkRunSettings: (input: RunSettingsInput) => checkRunSettings(store, tickets, input),
    ...createTicketActivities(store, tickets),
    ...createRunSnapshotActivities(store),
  };
}

export type SpecActivities = ReturnType<typeof createActivities>;
