import { inputsOf } from '../../shared/phase-graph';
import type { PhaseName } from '../../shared/phases';
import type { ArtifactRef } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { sha256 } from '../artifacts/hash';
import { compactEarlier } from '../llm/compact-earlier';
import { declaredInputs } from './declared-inputs';
import { loadAnsweredContents } from './load-answered-contents';
import type { PhaseContext } from './phase-definition';

export interface InputsHashRequest {
  specId: string;
  phase: PhaseName;
  /** The approved refs of the phase's declared inputs (the workflow narrows them with PHASE_INPUTS). */
  earlier: Partial<Record<PhaseName, ArtifactRef>>;
  answers: Record<string, string>;
}

/**
 * sha256 of what a phase is generated from: the compact summaries of its declared inputs (what its
 * prompt shows, reviewer notes left out), and the answers when it reads the requirements. The
 * phase activities stamp it on every result and the reopen walk recomputes it, so both must go
 * through this one function: equal inputs give an equal hash, and the approval stands.
 */
export function inputsHashOf(phase: PhaseName, context: Pick<PhaseContext, 'earlier' | 'answers'>): string {
  const readsAnswers = (inputsOf(phase) as readonly PhaseName[]).includes('requirements');
  return sha256(
    JSON.stringify({
      earlier: compactEarlier(declaredInputs(phase, context.earlier)),
      // Sorted: the same answers reached in another order are the same inputs.
      ...(readsAnswers ? { answers: Object.entries(context.answers).sort(([a], [b]) => (a < b ? -1 : 1)) } : {}),
    }),
  );
}

/** The activity: the hash of the phase's inputs as they are approved now, with no model call. */
export async function phaseInputsHash(store: ArtifactStore, request: InputsHashRequest): Promise<string> {
  const earlier = await loadAnsweredContents(store, declaredInputs(request.phase, request.earlier), request.answers);
  return inputsHashOf(request.phase, { earlier, answers: request.answers });
}
