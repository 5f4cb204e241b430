import type { Duration } from '@temporalio/common';
import { ApplicationFailure, condition, log, proxyLocalActivities } from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import type { Decision, DecisionChannel, GateName } from '../shared/decision';
import { checkDecision } from '../shared/decision-check';
import { parseDuration } from '../shared/duration';
import type { DecisionInbox, InboxItem } from './decision-inbox';
import { historyLimitReached, HistoryLimitReached } from './history-limit';
import type { Notifications } from './notifications';
import type { DecisionRecord, SpecRunState } from './spec-run-state';
import { FailureType } from '../shared/failure-types';

const { verifyDecision } = proxyLocalActivities<SpecActivities>({
  startToCloseTimeout: '5 seconds',
  retry: { maximumAttempts: 3 },
});

export interface ReceivedDecision {
  item: InboxItem;
  decision: Decision;
  channel: Pick<DecisionRecord, 'via' | 'verified'>;
}

/**
 * The next decision that may apply at this gate. Decisions that cannot apply are recorded as
 * refused (and answered, for updates) here, so every gate refuses alike. Undefined: the gate
 * timed out and its policy approves.
 */
export async function receiveDecision(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
  gate: { name: GateName; revision: number },
): Promise<ReceivedDecision | undefined> {
  for (;;) {
    const item = await nextDecision(run, inbox, notifications, gate.name);
    if (!item) return undefined;
    const { decision } = item;
    const channel = await channelOf(run, item);
    const refusal =
      checkDecision(decision, run.gateView()) ??
      (decision.proof && !channel.verified
        ? {
            kind: 'forbidden' as const,
            field: 'proof',
            message: 'the decision carries a proof this worker does not accept: it was not signed by this specforge',
          }
        : undefined);
    if (!refusal) return { item, decision, channel };
    run.record(decision, { revision: gate.revision, outcome: 'rejected', reason: refusal.message, ...channel });
    inbox.settle(item, refusal);
  }
}

/** The next decision in the inbox, applying the gate-timeout policy; undefined means auto-approve. */
async function nextDecision(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
  gate: GateName,
): Promise<InboxItem | undefined> {
  const timeout = run.request.gateTimeout ?? '24 hours';
  // The run's input check refused a timeout this parser cannot read. A run started before the
  // limits keeps the timer it had (the SDK's own reading of the text), so its history replays.
  const timeoutMs = run.limited ? parseDuration(timeout) : (timeout as Duration);
  if (timeoutMs === undefined)
    throw ApplicationFailure.nonRetryable(
      `The run cannot wait at the ${gate} gate: gateTimeout ${JSON.stringify(timeout)} is not a duration such as "30m", "24h" or "2 days"`,
      FailureType.InvalidSpecRequest,
      'gateTimeout',
    );
  const policy = run.request.gateTimeout ? (run.request.onGateTimeout ?? 'remind') : 'remind';
  const full = () => run.limited && historyLimitReached(run.request.historyLimit);
  for (;;) {
    // Waiting at a gate is the safe point to continue as new: checked before each decision is taken.
    if (full()) throw new HistoryLimitReached();
    if (await condition(() => inbox.size > 0 || full(), timeoutMs)) {
      if (full()) throw new HistoryLimitReached();
      return inbox.shift();
    }
    if (policy === 'approve') return undefined;
    if (policy === 'fail')
      throw ApplicationFailure.nonRetryable(`No decision on ${gate} within ${timeout}`, FailureType.GateTimeout);
    const pending = run.status.pendingApproval;
    log.warn(`Spec ${run.id} has waited ${timeout} for a decision on ${gate}`, {
      specId: run.id,
      phase: gate,
      revision: pending?.revision,
    });
    notifications.send({
      kind: 'gate_reminder',
      specId: run.id,
      feature: run.request.feature,
      phase: gate,
      revision: pending?.revision,
      since: pending?.since,
    });
  }
}

/** Signed decisions came through specforge (verified by the worker's key); anything else is a raw Temporal message. */
async function channelOf(run: SpecRunState, item: InboxItem): Promise<ReceivedDecision['channel']> {
  const raw: DecisionChannel = item.token === undefined && !item.answered ? 'signal' : 'update';
  if (!item.decision.proof) return { via: raw, verified: false };
  const verified = await verifyDecision({ specId: run.id, decision: item.decision });
  return verified ? { via: item.decision.via ?? 'api', verified: true } : { via: raw, verified: false };
}
