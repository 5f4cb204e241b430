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
  const revision = run.nextRevision(phase);
  run.generating(phase, revision);
  const started = Date.now();
  const result = await phaseGenerators(run.request.phaseActivityTimeoutMs)[phase]({
    specId: run.id,
    revision,
    feature: run.request.feature,
    description: run.request.description ?? '',
    feedback: [...feedback],
    answers: run.answers,
    earlier: run.earlier(phase),
    approved: run.approvedRefs(),
    ...(previous ? { previous: previous.artifact } : {}),
    // The context document's reference and hash; the activity reads the text from the store.
    context: run.request.context,
  });
  run.generated(result, started);
  return result;
}
