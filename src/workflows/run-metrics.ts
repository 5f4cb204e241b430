import { metricMeter } from '@temporalio/workflow';
import type { GateName } from '../shared/decision';
import { isPhaseName } from '../shared/phases';
import { RUN_METRIC } from '../shared/run-metric-names';
import type { SpecRunStatus } from '../shared/spec-run';
import type { SpecRunState } from './spec-run-state';

/**
 * How a phase (or the tickets gate) ended, as `specforge_phases_total` counts it: one count per
 * gate that closed (a phase sent back twice, then approved, counts changes_requested twice and
 * approved once), per phase the policy did not gate, and per phase a run stopped on.
 */
export type PhaseOutcome =
  | 'approved'
  | 'edited'
  | 'changes_requested'
  | 'aborted'
  | 'skipped'
  | 'auto_approved'
  | 'ungated'
  | 'failed'
  | 'cancelled';

// The SDK's meter records nothing while a workflow replays, so no sample is counted twice.
const gateWait = () =>
  metricMeter.createHistogram(
    RUN_METRIC.gateWait,
    'float',
    's',
    'Time from a gate opening to the decision that closed it',
  );
const phases = () =>
  metricMeter.createCounter(RUN_METRIC.phases, undefined, 'Phases (and the tickets gate) by how they ended');
const revisions = () =>
  metricMeter.createHistogram(RUN_METRIC.revisions, 'int', undefined, 'The revision a phase was approved at');

/** When the gate about to be waited at opened: now, or when a run that continued as new first showed it. */
export function gateOpenedAt(run: SpecRunState): number {
  const since = run.status.pendingApproval?.since;
  return since ? Date.parse(since) : Date.now();
}

/**
 * A gate has just closed. The decision that closed it is the last one applied (every gate
 * records it right before returning), which tells approved from edited or auto-approved.
 */
export function gateClosed(run: SpecRunState, gate: GateName, openedAt: number): void {
  const closing = [...run.status.decisions].reverse().find((decision) => decision.outcome === 'applied');
  if (!closing) return;
  const outcome = outcomeOf(closing.action, closing.via);
  gateWait().record(Math.max(0, Date.now() - openedAt) / 1000, { phase: gate });
  phases().add(1, { phase: gate, outcome });
  if (isPhaseName(gate) && (outcome === 'approved' || outcome === 'edited' || outcome === 'auto_approved'))
    revisions().record(closing.revision, { phase: gate });
}

/** A phase the gate policy approves without asking anyone. */
export function phaseUngated(phase: GateName, revision: number): void {
  phases().add(1, { phase, outcome: 'ungated' });
  revisions().record(revision, { phase });
}

/**
 * The run stops (fails or is cancelled) on the phase it was generating or the gate it waited at.
 * A gate that timed out under the `fail` policy still gives its wait, the one an alert looks for;
 * a run cancelled at a gate gives none: nobody decided late, someone stopped it.
 */
export function runStopped(status: SpecRunStatus, outcome: 'failed' | 'cancelled'): void {
  const pending = status.pendingApproval;
  if (pending) {
    if (outcome === 'failed')
      gateWait().record(Math.max(0, Date.now() - Date.parse(pending.since)) / 1000, { phase: pending.phase });
    phases().add(1, { phase: pending.phase, outcome });
    return;
  }
  const running = status.phases.find((entry) => entry.name === status.phase && entry.state === 'running');
  if (running) phases().add(1, { phase: running.name, outcome });
}

function outcomeOf(action: string, via: string | undefined): PhaseOutcome {
  if (via === 'timer') return 'auto_approved';
  const outcomes: Record<string, PhaseOutcome> = {
    approve: 'approved',
    edit: 'edited',
    request_changes: 'changes_requested',
    abort: 'aborted',
    skip: 'skipped',
  };
  return outcomes[action] ?? 'approved';
}
