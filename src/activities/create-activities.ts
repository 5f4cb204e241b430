import type { ArtifactStore } from './artifacts/artifact-store';
import type { Generator } from './llm/generator';
import { acceptEdit } from './phases/accept-edit';
import type { EditInput, PhaseInput } from './phases/phase-input';
import { runPhase } from './phases/run-phase';
import type { RenderInput } from './render/render-input';
import { renderPack } from './render/render-pack';
import { createTicketActivities } from './tickets/ticket-activities';
import type { TicketTarget } from './tickets/ticket-target';

export interface ActivityDependencies {
  generator: Generator;
  store: ArtifactStore;
  tickets: Partial<Record<TicketTarget['name'], TicketTarget>>;
}

/** The worker wires real clients in; tests wire fakes. No module state. */
export function createActivities({ generator, store, tickets }: ActivityDependencies) {
  const phase = (name: PhaseInput['phase']) => (input: Omit<PhaseInput, 'phase'>) => runPhase(generator, store, { ...input, phase: name });
  return {
    generateRequirements: phase('requirements'),
    generateArchitecture: phase('architecture'),
    generateDatabase: phase('database'),
    generateApi: phase('api'),
    generateSecurity: phase('security'),
    generateTesting: phase('testing'),
    generateRollout: phase('rollout'),
    generateCost: phase('cost'),
    acceptEdit: (input: EditInput) => acceptEdit(store, input),
    renderPack: (input: RenderInput) => renderPack(store, input),
    ...createTicketActivities(store, tickets),
  };
}

export type SpecActivities = ReturnType<typeof createActivities>;
