import { inputsOf } from '../../shared/phase-graph';
import type { PhaseName } from '../../shared/phases';

type ByPhase = Partial<Record<PhaseName, unknown>>;

/**
 * Only the phase's declared inputs (PHASE_INPUTS) out of what it was handed: whatever a sender
 * includes, a phase never builds on a phase it does not declare, so its approval survives a
 * change there.
 */
export function declaredInputs<Phases extends ByPhase>(phase: PhaseName, phases: Phases): Partial<Phases> {
  return Object.fromEntries(
    inputsOf(phase).flatMap((input) => (phases[input] === undefined ? [] : [[input, phases[input]]])),
  ) as Partial<Phases>;
}

/** The declared inputs and the phase itself: what a criterion judged at the phase may read. */
export function withDeclaredInputs<Phases extends ByPhase>(phase: PhaseName, phases: Phases): Partial<Phases> {
  return phases[phase] === undefined
    ? declaredInputs(phase, phases)
    : { ...declaredInputs(phase, phases), [phase]: phases[phase] };
}
