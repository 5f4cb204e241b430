import { randomUUID } from 'node:crypto';
import type { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import type { PhaseInput } from '../../src/activities/phases/phase-input';
import { runPhase } from '../../src/activities/phases/run-phase';
import { inputsOf } from '../../src/shared/phase-graph';
import { PHASES, type PhaseName } from '../../src/shared/phases';
import type { ArtifactRef, PhaseResult } from '../../src/shared/spec-run';

export const NARROWED_FEATURE = 'Add passwordless login with magic links';
/** Answers given at the requirements gate: a load and a retention that differ from the defaults. */
export const NARROWED_ANSWERS = { 'Q-2': '800 requests per second', 'Q-3': '90 days' };

/**
 * Every phase from the offline templates as the workflow sends them: each phase's declared inputs
 * as `earlier`, every phase approved so far as `approved`, the answers once requirements are approved.
 */
export async function runNarrowedPhases(store: ArtifactStore, specId = `spec-graph-${randomUUID().slice(0, 8)}`) {
  const results: Partial<Record<PhaseName, PhaseResult>> = {};
  const refs = () =>
    Object.fromEntries(Object.values(results).map((result) => [result.phase, result.artifact])) as Partial<
      Record<PhaseName, ArtifactRef>
    >;
  const inputFor = (phase: PhaseName, revision = 1): PhaseInput => {
    const approved = refs();
    return {
      specId,
      phase,
      revision,
      feature: NARROWED_FEATURE,
      description: '',
      feedback: [],
      // Answers arrive with the approval of requirements, so requirements itself is generated without them.
      answers: phase === 'requirements' ? {} : NARROWED_ANSWERS,
      earlier: Object.fromEntries(inputsOf(phase).map((input) => [input, approved[input]!])),
      approved,
    };
  };
  const generator = createOfflineGenerator();
  const inputs: Partial<Record<PhaseName, PhaseInput>> = {};
  for (const phase of PHASES) {
    inputs[phase] = inputFor(phase);
    results[phase] = await runPhase(generator, store, inputs[phase]);
  }
  return {
    specId,
    generator,
    results: results as Record<PhaseName, PhaseResult>,
    inputs: inputs as Record<PhaseName, PhaseInput>,
  };
}
