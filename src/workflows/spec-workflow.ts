import {
  allHandlersFinished,
  ApplicationFailure,
  CancellationScope,
  condition,
  makeContinueAsNewFunc,
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
import { TICKETS_GATE } from '../shared/decision';
import type { Decision } from '../shared/decision';
import { AMEND_INSTEAD, checkDecision, refusalFailureType, type DecisionRefusal } from '../shared/decision-check';
import { oversizeDecision, oversizeMessage, oversizeRefusal } from '../shared/decision-size';
import { checkSpecRequest, type RequestProblem } from '../shared/spec-request-check';
import type { PhaseFailure } from '../shared/phase-failure';
import type { PhaseName } from '../shared/phases';
import type { SpecBasis, SpecRequest, SpecRunStatus, SpecStatus } from '../shared/spec-run';
import { DecisionInbox } from './decision-inbox';
import { decideUpdate, decisionSignal, statusQuery } from './messages';
import { Notifications } from './notifications';
import { failedPhase } from './failed-phase';
import { hardHistoryLimitReached, HistoryLimitReached, historyNow } from './history-limit';
import { gateClosed, gateOpenedAt, runStopped } from './run-metrics';
import { settlePhases } from './settle-phases';
import { SpecRunState } from './spec-run-state';
import type { SavedPlan } from '../activities/tickets/ticket-activities';
import { ticketFanOutWorkflow, type TicketFanOutInput } from './ticket-fan-out';
import { ticketsGate } from './tickets-gate';
import { FailureType } from '../shared/failure-types';

// Rendering and planning never heartbeat: a heartbeat timeout would fail them while they work.
const activities = proxyActivities<SpecActivities>({
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 6 },
});

const snapshots = proxyActivities<SpecActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});

/**
 * One feature's spec: eight phases, each generated, then decided on by a person (per the gate
 * policy); then the pack is rendered and validated, and the tickets are created. A run whose
 * history grows past its limit at a gate continues as new there, under the same workflow id.
 */
export async function specWorkflow(request: SpecRequest): Promise<SpecRunStatus> {
  // Runs started before the check replay without it; their gate still refuses a timeout it cannot parse.
  if (patched('spec-request-check')) {
    const problem = checkSpecRequest(request);
    if (problem) refuseRequest(request, problem);
  }
  const id = workflowInfo().workflowId;
  const inbox = new DecisionInbox();
  // Listening before the snapshot is read: an update sent as a continued run starts waits for its
  // state, instead of being refused by the SDK for want of a handler.
  let started: SpecRunState | undefined;
  listenForDecisions(() => started, inbox);
  const snapshot = request.continuation
    ? await snapshots.loadRunSnapshot({ specId: id, ref: request.continuation })
    : undefined;
  const run = new SpecRunState(id, request, snapshot, patched('run-limits'), patched('reopen'));
  started = run;
  const notifications = new Notifications();
  const work = new CancellationScope();
  let overflowed = false;
  // Past the hard limit, wherever the run is, it stops itself: Temporal would terminate it with no pack.
  void condition(() => run.limited && hardHistoryLimitReached(request.historyLimit))
    .then(() => {
      overflowed = true;
      work.cancel();
    })
    // Cancelling the run cancels this wait too; the run's own handling says what happens then.
    .catch(() => undefined);
  try {
    return await work.run(async () => {
      // Credentials and the output root live with the worker: a run it cannot finish fails now, naming
      // the setting, rather than after eight reviewed phases. A continued run was checked when it began.
      if (!request.continuation && patched('run-settings-check'))
        await activities.checkRunSettings({
          target: request.tickets?.target ?? 'file',
          destination: request.tickets?.repo ?? request.tickets?.project,
          outDir: request.outDir,
        });
      if (request.basis && !request.continuation && run.reopenable) await startFromBasis(run, request.basis);
      // A reopen at the tickets gate walks the phases again, and the pack and the plan are made again.
      for (;;) {
        // A continued run skips what the run before it had approved.
        if (!(await settlePhases(run, inbox, notifications)))
          return await finish(run, inbox, notifications, 'cancelled');
        await render(run, 'completed');
        const tickets = await createTickets(run, inbox, notifications);
        if (tickets === 'reopened') continue;
        return await close(run, inbox, notifications, tickets === 'aborted' ? 'cancelled' : 'completed');
      }
    });
  } catch (error) {
    if (error instanceof HistoryLimitReached) return await continueAsNewAtGate(run, inbox, notifications);
    if (isCancellation(error) && overflowed) {
      runStopped(run.status, 'failed');
      const message = `The run's history passed its hard limit (${historyNow()}) away from a gate, where it cannot continue as new`;
      await CancellationScope.nonCancellable(() => finish(run, inbox, notifications, 'failed', message));
      throw ApplicationFailure.nonRetryable(message, FailureType.HistoryLimit);
    }
    if (isCancellation(error)) {
      runStopped(run.status, 'cancelled');
      await CancellationScope.nonCancellable(() => finish(run, inbox, notifications, 'cancelled'));
      throw error;
    }
    // A bug in workflow code fails the task, not the run: a fixed worker resumes where it stopped.
    if (!(error instanceof TemporalFailure)) throw error;
    runStopped(run.status, 'failed');
    const message = error.cause?.message ?? error.message;
    await finish(run, inbox, notifications, 'failed', message, failedPhase(run.status, error, message)).catch(
      () => undefined,
    );
    throw error;
  }
}

/**
 * A request the run cannot use fails the run at once, naming the field, with its status in the
 * memo; before this check such a run failed its workflow task forever and stayed RUNNING.
 */
function refuseRequest(request: SpecRequest, problem: RequestProblem): never {
  const message = `The run cannot start: ${problem.field}: ${problem.message}`;
  const feature = typeof request?.feature === 'string' && request.feature.trim() ? request.feature : 'invalid request';
  const run = new SpecRunState(workflowInfo().workflowId, { feature });
  run.end('failed', message);
  run.step('done', 'failed');
  upsertMemo({ status: run.status });
  throw ApplicationFailure.nonRetryable(message, FailureType.InvalidSpecRequest, problem.field);
}

/**
 * The history has passed its limit while the run waits at a gate: decisions not yet read are
 * refused and answered, handlers finish, the state goes to the store, and the run continues as
 * new from it. Where it cannot (the tickets gate), the run fails, saying why, with its pack.
 */
async function continueAsNewAtGate(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
): Promise<SpecRunStatus> {
  if (!run.gate) {
    const message = `The run's history reached its limit (${historyNow()}) at the ${run.status.pendingApproval?.phase ?? run.status.phase} gate, where it cannot continue as new`;
    await finish(run, inbox, notifications, 'failed', message);
    throw ApplicationFailure.nonRetryable(message, FailureType.HistoryLimit);
  }
  refuseWaiting(run, inbox, {
    kind: 'conflict',
    message: 'the run moved to a fresh history (continue-as-new) before reading this decision; send it again',
  });
  await condition(allHandlersFinished);
  await notifications.settle();
  run.status.continuedAsNew = (run.status.continuedAsNew ?? 0) + 1;
  const continuation = await snapshots.saveRunSnapshot({ specId: run.id, snapshot: run.snapshot()! });
  // The memo (the request's feature and gates) is what readers show before the run answers a query.
  const continued = makeContinueAsNewFunc<typeof specWorkflow>({ memo: workflowInfo().memo });
  return continued({ ...run.request, continuation });
}

/**
 * An amendment or a retry adopts the approved phases of the run it starts from (copied into its own
 * folder); an amendment then reopens the phase it names, as a reviewer's reopen would.
 */
async function startFromBasis(run: SpecRunState, basis: SpecBasis): Promise<void> {
  run.adopt(await activities.adoptPhases({ specId: run.id, basis }), basis);
  if (!basis.reopen) return;
  const decision = { ...basis.reopen, action: 'reopen' as const };
  run.record(decision, {
    revision: run.nextRevision(basis.reopen.phase),
    outcome: 'applied',
    reason: `amends ${basis.from}`,
    via: 'api',
    verified: false,
  });
  run.reopen(decision);
}

/**
 * Closes the inbox with the refusal (or, given `which`, refuses only those decisions): what waits is
 * recorded as refused, and updates get it as their answer.
 */
function refuseWaiting(
  run: SpecRunState,
  inbox: DecisionInbox,
  refusal: DecisionRefusal,
  which?: (decision: Decision) => boolean,
): void {
  const revision = run.status.pendingApproval?.revision ?? 0;
  for (const item of which ? inbox.refuse(which, refusal) : inbox.close(refusal))
    run.record(item.decision, {
      revision,
      outcome: 'rejected',
      reason: refusal.message,
      via: item.token === undefined ? 'signal' : 'update',
      verified: false,
    });
}

/** Renders whatever was approved, so an aborted or failed run still leaves its approved work. */
async function finish(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
  status: SpecStatus,
  error?: string,
  failure?: PhaseFailure,
): Promise<SpecRunStatus> {
  await render(run, status, failure);
  return close(run, inbox, notifications, status, error);
}

async function close(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
  status: SpecStatus,
  error?: string,
): Promise<SpecRunStatus> {
  // Decisions nobody will read are refused and answered now, not left waiting when the run closes.
  refuseWaiting(run, inbox, { kind: 'conflict', message: `the run has finished (${status})` });
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
    ...pick(run.status, ['version', 'amends', 'retries', 'changes', 'speculation']),
  });
  run.status.artifacts = rendered.artifacts;
  const invalid = rendered.validation.filter((result) => !result.valid);
  if (invalid.length > 0 && status === 'completed') {
    throw ApplicationFailure.nonRetryable(
      `The rendered pack failed validation: ${invalid.flatMap((result) => result.errors).join('; ')}`,
      FailureType.InvalidPack,
    );
  }
}

async function createTickets(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
): Promise<'created' | 'skipped' | 'aborted' | 'reopened'> {
  run.step('tickets');
  const options = run.request.tickets;
  const basis = run.request.basis;
  const target = {
    specId: run.id,
    slug: run.slug,
    outDir: run.request.outDir,
    target: options?.target ?? 'file',
    destination: options?.repo ?? options?.project,
    // An amendment or a retry finds the tickets of the runs before it by the lineage's markers.
    ...(basis ? { lineage: basis.lineage } : {}),
  };
  const concurrency = options?.concurrency ?? 4;
  const planning = { ...target, feature: run.request.feature, phases: run.approved };
  // Runs started before the plan moved here (so it can be shown first) let the child plan.
  let input: TicketFanOutInput = { ...planning, concurrency };
  const closeOnCancel = options?.closeOnCancel;
  const list = (plan: SavedPlan['plan']) =>
    (run.status.artifacts = [...run.status.artifacts.filter((artifact) => artifact.file !== plan.file), plan]);
  if (patched('tickets-planned-by-parent')) {
    let saved = await activities.planTickets(planning);
    // Listed before creation starts, so the plan can be read (and reviewed) first.
    list(saved.plan);
    if (options?.review) {
      const opened = gateOpenedAt(run);
      const end = await ticketsGate(run, inbox, notifications, saved, target);
      gateClosed(run, TICKETS_GATE, opened);
      if (end.kind === 'reopened') return 'reopened';
      if (end.kind !== 'create') return end.kind === 'skip' ? 'skipped' : 'aborted';
      saved = end.plan;
      list(saved.plan);
    }
    const { plan: _plan, ...keys } = saved;
    const amended =
      basis?.amended ?? (basis?.kind === 'amendment' ? { id: basis.from, slug: basis.fromSlug } : undefined);
    const amends = amended
      ? { amends: { specId: amended.id, slug: amended.slug, closeRemoved: options?.closeRemoved } }
      : {};
    input = { ...target, concurrency, closeOnCancel, ...keys, ...amends };
  }
  run.ticketsStarted();
  // A reopen waiting for a gate would wait for one that never comes: it is refused now, pointing to amending.
  refuseWaiting(
    run,
    inbox,
    { kind: 'conflict', message: `ticket creation has begun: ${AMEND_INSTEAD}` },
    (decision) => decision?.action === 'reopen',
  );
  const result = await executeChild(ticketFanOutWorkflow, { workflowId: `${run.id}-tickets`, args: [input] });
  run.ticketsCreated(result);
  // The child rewrote the index with what it created: list that file, so the recorded sha256 is the file's.
  // (A child recorded before the index carried its sha256 returned a path: the plan stays listed.)
  if (typeof result.index !== 'string') list(result.index);
  return 'created';
}

/** `runOf` is undefined while a continued run reads its snapshot: decisions wait in the inbox meanwhile. */
function listenForDecisions(runOf: () => SpecRunState | undefined, inbox: DecisionInbox): void {
  setHandler(statusQuery, () => {
    const run = runOf();
    if (!run) throw ApplicationFailure.nonRetryable('the run is starting: ask again in a moment');
    return run.status;
  });
  setHandler(decisionSignal, (decision) => {
    const run = runOf();
    // A signal has no validator: one too large to keep, or one the closed inbox refuses, is recorded as refused.
    const oversize =
      (run?.limited ?? true) && decision && typeof decision === 'object' ? oversizeDecision(decision) : undefined;
    const refusal = oversize
      ? { message: oversizeMessage(oversize.bytes) }
      : inbox.push(decision)
        ? undefined
        : inbox.closed;
    if (refusal && run && decision && typeof decision === 'object')
      run.record(decision, {
        revision: run.status.pendingApproval?.revision ?? 0,
        outcome: 'rejected',
        reason: refusal.message,
        via: 'signal',
        verified: false,
      });
  });
  setHandler(
    decideUpdate,
    async (decision) => {
      // Only while a continued run reads its snapshot: otherwise the update reaches the inbox in the
      // same step as before, keeping its order with signals.
      if (!runOf()) await condition(() => runOf() !== undefined);
      const run = runOf()!;
      // A reopen sent while a phase generates waits for the next gate: its sender learns that now.
      if (decision.action === 'reopen' && !run.status.pendingApproval && inbox.pushAnswered(decision)) {
        const phase = decision.phase as PhaseName;
        return { phase, action: 'reopen', revision: run.nextRevision(phase), next: 'queued: taken at the next gate' };
      }
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
        const run = runOf();
        // Before the state is read, the gate checks the decision when it takes it.
        const refusal =
          oversizeRefusal(decision) ?? (run ? checkDecision(decision, run.gateView()) : undefined) ?? inbox.closed;
        if (refusal) throw ApplicationFailure.nonRetryable(refusal.message, refusalFailureType(refusal), refusal.field);
      },
    },
  );
}

function pick<Value extends object, Key extends keyof Value>(value: Value, keys: Key[]): Partial<Pick<Value, Key>> {
  return Object.fromEntries(keys.filter((key) => value[key] !== undefined).map((key) => [key, value[key]])) as Partial<
    Pick<Value, Key>
  >;
}
