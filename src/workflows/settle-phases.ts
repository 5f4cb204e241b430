import { patched, proxyActivities } from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import { PHASES, type PhaseName } from '../shared/phases';
import type { PhaseResult } from '../shared/spec-run';
import { hasReopenWork } from '../shared/reopen-work';
import type { DecisionInbox } from './decision-inbox';
import { generateUngated } from './generate-ungated';
import type { Notifications } from './notifications';
import { phaseGate } from './phase-gate';
import { generatePhase as generate } from './generate-phase';
import { HistoryLimitReached } from './history-limit';
import { gateClosed, gateOpenedAt, phaseUngated } from './run-metrics';
import { settleSpeculation, speculate } from './speculation';
import type { SpecRunState } from './spec-run-state';

const checks = proxyActivities<SpecActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});

type PhaseEnd = 'approved' | 'aborted' | 'reopened';

/**
 * Walks the phases in order until every one is approved; false when the run is aborted. A reopen
 * at any gate starts the walk again: phases it does not touch stand, at no cost.
 */
export async function settlePhases(run: SpecRunState, inbox: DecisionInbox, notifications: Notifications) {
  // Phases no person reviews run along the graph, each once its inputs are approved: a run without
  // gates takes its critical path, not the sum of its phases.
  if (run.status.gates !== 'each' && !hasReopenWork(run.work) && !run.gate && patched('parallel-phases'))
    await generateUngated(run);
  for (let index = 0; index < PHASES.length; index += 1) {
    const end = await settlePhase(run, inbox, notifications, PHASES[index]!);
    if (end === 'aborted') return false;
    if (end === 'reopened') index = -1;
  }
  return true;
}

/**
 * An approved phase stands, unless a reopen upstream asks for a check: then it stands only if the
 * hash of its inputs is the one it was approved under, and is generated again otherwise.
 */
async function settlePhase(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
  phase: PhaseName,
): Promise<PhaseEnd> {
  const approved = run.approved[phase];
  if (approved && !run.work.reopened[phase]) {
    if (!run.isUnchecked(phase)) return 'approved';
    if ((await inputsHash(run, phase)) === approved.inputsHash) {
      run.keep(phase);
      return 'approved';
    }
    run.inputsChanged(phase);
  }
  return decidePhase(run, inbox, notifications, phase);
}

/** Generates the phase and loops through reviews until it is approved, aborted, or a reopen closes its gate. */
async function decidePhase(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
  phase: PhaseName,
): Promise<PhaseEnd> {
  const reopening = run.work.reopened[phase];
  const held = run.takeHeld(phase);
  // A continued run resumes at the gate it was waiting at, with the revision and feedback it had.
  const resumed = run.gate?.result.phase === phase ? run.gate : undefined;
  const feedback = [...(resumed?.feedback ?? held?.feedback ?? reopening?.feedback ?? [])];
  // A result a reopen interrupted is shown again when nothing it reads has changed.
  let result: PhaseResult | undefined =
    resumed?.result ?? (held && (await inputsHash(run, phase)) === held.result.inputsHash ? held.result : undefined);
  for (;;) {
    result ??= await generate(run, phase, feedback, reopening?.previous);
    if (!run.isGated(phase)) {
      run.approve(result);
      phaseUngated(phase, result.revision);
      return 'approved';
    }
    if (result !== resumed?.result) run.gate = { result, feedback: [...feedback] };
    const opened = gateOpenedAt(run);
    const speculation = speculate(run, result);
    const end = await phaseGate(run, inbox, notifications, result, result === resumed?.result).catch(
      async (error: unknown) => {
        // Continuing as new: the speculation finishes first, so the next run finds its answer cached
        // instead of paying for it again. Any other end of the run cancels it.
        if (error instanceof HistoryLimitReached) await speculation?.generated;
        else speculation?.scope.cancel();
        throw error;
      },
    );
    gateClosed(run, phase, opened);
    await settleSpeculation(run, speculation, end, result);
    if (end.kind === 'aborted' || end.kind === 'reopened') return end.kind;
    if (end.kind === 'approved') {
      run.approve(end.result);
      return 'approved';
    }
    feedback.push(end.feedback);
    result = undefined;
  }
}

function inputsHash(run: SpecRunState, phase: PhaseName): Promise<string> {
  return checks.phaseInputsHash({ specId: run.id, phase, earlier: run.earlier(phase), answers: run.answers });
}
