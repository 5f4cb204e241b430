import type { PhaseInput } from '../activities/phases/phase-input';
import type { PhaseName } from '../shared/phases';
import type { PhaseResult } from '../shared/spec-run';
import { phaseGenerators } from './phase-generators';
import type { SpecRunState } from './spec-run-state';

/** Generates the phase's next revision from its approved inputs; `previous` is the revision a reopen replaces. */
export async function generatePhase(
  run: SpecRunState,
  phase: PhaseName,
  feedback: string[],
  previous: PhaseResult | undefined,
): Promise<PhaseResult> {
  const input = phaseInput(run, phase, feedback, previous);
  run.generating(phase, input.revision);
  const started = Date.now();
  const result = await phaseGenerators(run.request.phaseActivityTimeoutMs)[phase](input);
  run.generated(result, started);
  return result;
}

/**
 * What the phase's activity is sent; `assumed` counts as approved (speculation). The same state
 * gives the same input, so a speculative answer is the cached answer of the real call.
 */
export function phaseInput(
  run: SpecRunState,
  phase: PhaseName,
  feedback: string[],
  previous: PhaseResult | undefined,
  assumed?: PhaseResult,
): Omit<PhaseInput, 'phase'> {
  return {
    specId: run.id,
    revision: run.nextRevision(phase),
    feature: run.request.feature,
    description: run.request.description ?? '',
    feedback: [...feedback],
    answers: run.answers,
    earlier: run.earlier(phase, assumed),
    approved: run.approvedRefs(assumed),
    ...(previous ? { previous: previous.artifact } : {}),
    // The context document's reference and hash; the activity reads the text from the store.
    context: run.request.context,
  };
}
