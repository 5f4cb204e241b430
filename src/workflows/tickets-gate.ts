import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import type { SavedPlan, TicketRunInput } from '../activities/tickets/ticket-activities';
import { TICKETS_GATE } from '../shared/decision';
import { DECISION_FAILURE_TYPES } from '../shared/decision-check';
import type { Decision } from '../shared/decision';
import type { DecisionInbox } from './decision-inbox';
import type { Notifications } from './notifications';
import { applyReopen } from './apply-reopen';
import { receiveDecision } from './receive-decision';
import type { SpecRunState } from './spec-run-state';

export type TicketsGateEnd =
  | { kind: 'create'; plan: SavedPlan }
  | { kind: 'skip' }
  | { kind: 'aborted' }
  /** A phase was reopened: the phases are walked again, and the plan made again after them. */
  | { kind: 'reopened'; decision: Decision };

const activities = proxyActivities<SpecActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});

/** The ticket plan waits for a person: approve creates it, edit replaces (and approves) it, skip creates nothing. */
export async function ticketsGate(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
  saved: SavedPlan,
  target: TicketRunInput,
): Promise<TicketsGateEnd> {
  const revision = 1;
  run.awaitingTickets(saved.plan.summary, revision);
  notifications.send({
    kind: 'gate_opened',
    specId: run.id,
    feature: run.request.feature,
    phase: TICKETS_GATE,
    revision,
  });
  for (;;) {
    const received = await receiveDecision(run, inbox, notifications, { name: TICKETS_GATE, revision });
    if (!received) {
      run.record(
        { phase: TICKETS_GATE, action: 'approve', by: 'gate-timeout' },
        { revision, outcome: 'applied', via: 'timer', verified: true },
      );
      run.resume();
      return { kind: 'create', plan: saved };
    }
    const { item, decision, channel } = received;
    if (decision.action === 'reopen')
      return applyReopen(run, decision, (next, phaseRevision) => {
        run.record(decision, { revision: phaseRevision, outcome: 'applied', ...channel });
        inbox.settle(item, { phase: decision.phase, action: decision.action, revision: phaseRevision, next });
      });
    if (decision.action === 'edit') {
      try {
        saved = await activities.acceptTicketPlan({ ...target, content: decision.content! });
      } catch (error) {
        const cause = error instanceof ActivityFailure ? error.cause : undefined;
        if (!(cause instanceof ApplicationFailure) || cause.type !== DECISION_FAILURE_TYPES.content) throw error;
        run.record(decision, { revision, outcome: 'rejected', reason: cause.message, ...channel });
        inbox.settle(item, { kind: 'invalid', field: 'content', message: cause.message });
        continue;
      }
    }
    run.record(decision, { revision, outcome: 'applied', ...channel });
    const settle = (next: string) =>
      inbox.settle(item, { phase: TICKETS_GATE, action: decision.action, revision, next });
    if (decision.action === 'approve' && run.approvalsMissing() > 0) {
      settle(`waiting for ${run.approvalsMissing()} more approval(s)`);
      continue;
    }
    run.resume();
    if (decision.action === 'skip') {
      settle('finishing without tickets');
      return { kind: 'skip' };
    }
    if (decision.action === 'abort') {
      settle('run cancelled');
      return { kind: 'aborted' };
    }
    settle(`creating ${saved.keys.length} tickets`);
    return { kind: 'create', plan: saved };
  }
}
