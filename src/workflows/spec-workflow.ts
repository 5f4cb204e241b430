import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  executeChild,
  isCancellation,
  patched,
  proxyActivities,
  setHandler,
  TemporalFailure,
  upsertMemo,
  workflowInfo,
} from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import { checkDecision, refusalFailureType } from '../shared/decision-check';
import type { PhaseFailure } from '../shared/phase-failure';
import { PHASES, type PhaseName } from '../shared/phases';
import type { PhaseResult, SpecRequest, SpecRunStatus, SpecStatus } from '../shared/spec-run';
import { DecisionInbox } from './decision-inbox';
import { decideUpdate, decisionSignal, statusQuery } from './messages';
import { Notifications } from './notifications';
import { failedPhase } from './failed-phase';
import { phaseGate } from './phase-gate';
import { phaseGenerators } from './phase-generators';
import { SpecRunState } from './spec-run-state';
import type { SavedPlan } from '../activities/tickets/ticket-activities';
import { ticketFanOutWorkflow, type TicketFanOutInput } from './ticket-fan-out';
import { ticketsGate } from './tickets-gate';

const activities = proxyActivities<SpecActivities>({
  startToCloseTimeout: '10 minutes',
  // LLM calls heartbeat every few seconds, so a dead worker is noticed in 20 s, not 10 minutes.
  heartbeatTimeout: '20 seconds',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 6 },
});

/**
 * One feature's spec: eight phases, each generated, then decided on by a person (per the gate
 * policy); then the pack is rendered and validated, and the tickets are created.
 */
export async function specWorkflow(request: SpecRequest): Promise<SpecRunStatus> {
  const run = new SpecRunState(workflowInfo().workflowId, request);
  const inbox = new DecisionInbox();
  const notifications = new Notifications();
  listenForDecisions(run, inbox);
  try {
    for (const phase of PHASES) {
      const approved = await decidePhase(run, inbox, notifications, phase);
      if (!approved) return await finish(run, notifications, 'cancelled');
    }
    await render(run, 'completed');
    const tickets = await createTickets(run, inbox, notifications);
    return await close(run, notifications, tickets === 'aborted' ? 'cancelled' : 'completed');
  } catch (error) {
    if (isCancellation(error)) {
      await CancellationScope.nonCancellable(() => finish(run, notifications, 'cancelled'));
      throw error;
    }
    // A bug in workflow code fails the task, not the run: a fixed worker resumes where it stopped.
    if (!(error instanceof TemporalFailure)) throw error;
    const message = error.cause?.message ?? error.message;
    await finish(run, notifications, 'failed', message, failedPhase(run.status, error, message)).catch(() => undefined);
    throw error;
  }
}

/** Generates the phase and loops through reviews until it is approved; false when aborted. */
async function decidePhase(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
  phase: PhaseName,
): Promise<boolean> {
  const feedback: string[] = [];
  for (let revision = 1; ; revision += 1) {
    const result = await generate(run, phase, revision, feedback);
    if (!run.isGated(phase)) {
      run.approve(result);
      return true;
    }
    const end = await phaseGate(run, inbox, notifications, result);
    if (end.kind === 'aborted') return false;
    if (end.kind === 'approved') {
      run.approve(end.result);
      return true;
    }
    feedback.push(end.feedback);
  }
}

async function generate(
  run: SpecRunState,
  phase: PhaseName,
  revision: number,
  feedback: string[],
): Promise<PhaseResult> {
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
    // The context document's reference and hash; the activity reads the text from the store.
    context: run.request.context,
  });
  run.generated(result, started);
  return result;
}

/** Renders whatever was approved, so an aborted or failed run still leaves its approved work. */
async function finish(
  run: SpecRunState,
  notifications: Notifications,
  status: SpecStatus,
  error?: string,
  failure?: PhaseFailure,
): Promise<SpecRunStatus> {
  await render(run, status, failure);
  return close(run, notifications, status, error);
}

async function close(
  run: SpecRunState,
  notifications: Notifications,
  status: SpecStatus,
  error?: string,
): Promise<SpecRunStatus> {
  run.end(status, error);
  run.step('done');
  // The memo is what status readers see once the run is closed and no worker answers queries.
  upsertMemo({ status: run.status });
  notifications.send({
    kind: 'run_finished',
    specId: run.id,
    feature: run.request.feature,
    status,
    error: run.status.error,
  });
  await notifications.settle();
  // Updates still in flight get their answer (the run has finished) before the run closes.
  await condition(allHandlersFinished);
  return run.status;
}

async function render(run: SpecRunState, status: SpecStatus, failure?: PhaseFailure): Promise<void> {
  run.step('render');
  const rendered = await activities.renderPack({
    specId: run.id,
    slug: run.slug,
    outDir: run.request.outDir,
    feature: run.request.feature,
    description: run.request.description ?? '',
    status,
    phases: run.approved,
    decisions: run.status.decisions,
    answers: run.answers,
    timings: run.timings,
    ...(failure ? { failure } : {}),
    context: run.request.context,
  });
  run.status.artifacts = rendered.artifacts;
  const invalid = rendered.validation.filter((result) => !result.valid);
  if (invalid.length > 0 && status === 'completed') {
    throw ApplicationFailure.nonRetryable(
      `The rendered pack failed validation: ${invalid.flatMap((result) => result.errors).join('; ')}`,
      'InvalidPack',
    );
  }
}

async function createTickets(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
): Promise<'created' | 'skipped' | 'aborted'> {
  run.step('tickets');
  const options = run.request.tickets;
  const target = {
    specId: run.id,
    slug: run.slug,
    outDir: run.request.outDir,
    target: options?.target ?? 'file',
    destination: options?.repo ?? options?.project,
  };
  const concurrency = options?.concurrency ?? 4;
  const planning = { ...target, feature: run.request.feature, phases: run.approved };
  // Runs started before the plan moved here (so it can be shown first) let the child plan.
  let input: TicketFanOutInput = { ...planning, concurrency };
  const closeOnCancel = options?.closeOnCancel;
  if (patched('tickets-planned-by-parent')) {
    let saved = await activities.planTickets(planning);
    // Listed before creation starts, so the plan can be read (and reviewed) first.
    const list = (plan: SavedPlan['plan']) =>
      (run.status.artifacts = [...run.status.artifacts.filter((artifact) => artifact.file !== plan.file), plan]);
    list(saved.plan);
    if (options?.review) {
      const end = await ticketsGate(run, inbox, notifications, saved, target);
      if (end.kind !== 'create') return end.kind === 'skip' ? 'skipped' : 'aborted';
      saved = end.plan;
      list(saved.plan);
    }
    const { plan: _plan, ...keys } = saved;
    input = { ...target, concurrency, closeOnCancel, ...keys };
  }
  const result = await executeChild(ticketFanOutWorkflow, { workflowId: `${run.id}-tickets`, args: [input] });
  run.status.tickets = result.created;
  if (result.failed.length)
    run.status.error = `Tickets not created: ${result.failed.map((failure) => `${failure.key} (${failure.error})`).join('; ')}`;
  return 'created';
}

function listenForDecisions(run: SpecRunState, inbox: DecisionInbox): void {
  setHandler(statusQuery, () => run.status);
  setHandler(decisionSignal, (decision) => inbox.push(decision));
  setHandler(
    decideUpdate,
    async (decision) => {
      const token = inbox.pushAwaited(decision);
      await condition(() => inbox.isSettled(token));
      const outcome = inbox.take(token);
      if ('kind' in outcome)
        throw ApplicationFailure.nonRetryable(outcome.message, refusalFailureType(outcome), outcome.field);
      return outcome;
    },
    {
      // A refused update leaves no trace in history; one that passes is checked again when the gate takes it.
      validator: (decision) => {
        const refusal = checkDecision(decision, run.gateView());
        if (refusal) throw ApplicationFailure.nonRetryable(refusal.message, refusalFailureType(refusal), refusal.field);
      },
    },
  );
}
