import { PHASES, type PhaseName } from './phases';

/**
 * The earlier phases each phase truly builds on: its prompt, offline generator, checks and input
 * hash read these and nothing else, so a change elsewhere leaves its approval standing.
 */
export const PHASE_INPUTS = {
  requirements: [],
  architecture: ['requirements'],
  database: ['requirements'],
  api: ['requirements', 'database'],
  security: ['requirements', 'api'],
  // The traceability criteria judged here follow every requirement into a component, table,
  // endpoint or control: the whole design is their input.
  testing: ['requirements', 'architecture', 'database', 'api', 'security'],
  rollout: ['requirements', 'architecture', 'database', 'api', 'security'],
  cost: ['requirements', 'architecture'],
} as const satisfies { [Phase in PhaseName]: readonly PhaseName[] };

export function inputsOf(phase: PhaseName): readonly PhaseName[] {
  return PHASE_INPUTS[phase];
}

/** Every later phase that reads this one, directly or through another, in run order. */
export function dependentsOf(phase: PhaseName): PhaseName[] {
  const reached = new Set<PhaseName>([phase]);
  for (const later of PHASES.slice(PHASES.indexOf(phase) + 1))
    if (inputsOf(later).some((input) => reached.has(input))) reached.add(later);
  reached.delete(phase);
  return PHASES.filter((candidate) => reached.has(candidate));
}
