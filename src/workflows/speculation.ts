import { CancellationScope, patched } from '@temporalio/workflow';
import { PHASES } from '../shared/phases';
import { hasReopenWork } from '../shared/reopen-work';
import type { PhaseResult } from '../shared/spec-run';
import { phaseInput } from './generate-phase';
import type { GateEnd } from './phase-gate';
import { phaseGenerators } from './phase-generators';
import type { SpecRunState } from './spec-run-state';

export interface Speculation {
  generated: Promise<PhaseResult | undefined>;
  scope: CancellationScope;
  /** The answers when it started: an approval that adds answers makes it stale. */
  answers: string;
}

/**
 * While `result` waits at its gate, generates the next phase as if `result` were approved. Its
 * input is the one the real call will send after an approval, so that call finds the answer in
 * the activity's cache: the reviewer who approves waits for no model, and nothing is paid twice.
 */
export function speculate(run: SpecRunState, result: PhaseResult): Speculation | undefined {
  if (!run.request.speculate || hasReopenWork(run.work)) return undefined;
  const next = PHASES[PHASES.indexOf(result.phase) + 1];
  if (!next || run.approved[next] || !patched('speculate')) return undefined;
  const scope = new CancellationScope();
  const input = { ...phaseInput(run, next, [], undefined, result), speculative: true };
  const generated = scope
    .run(() => phaseGenerators(run.request.phaseActivityTimeoutMs)[next](input))
    // A speculation that fails costs nothing but itself: the real call is made as if it never ran.
    .catch(() => undefined);
  return { generated, scope, answers: JSON.stringify(run.answers) };
}

/**
 * Keeps the speculation when the gate approved `result` as it was (no edit, no new answers) and
 * waits for it, so the next phase's call hits the cache; otherwise cancels it and counts it discarded.
 */
export async function settleSpeculation(
  run: SpecRunState,
  speculation: Speculation | undefined,
  end: GateEnd,
  result: PhaseResult,
): Promise<void> {
  if (!speculation) return;
  const used = end.kind === 'approved' && end.result === result && JSON.stringify(run.answers) === speculation.answers;
  if (!used) speculation.scope.cancel();
  const generated = await speculation.generated;
  run.speculated(used && generated !== undefined, generated?.usage);
}
