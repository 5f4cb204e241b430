import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import type { SavedPlan, TicketRunInput } from '../activities/tickets/ticket-activities';
import { TICKETS_GATE } from '../shared/decision';
import { checkDecision, DECISION_FAILURE_TYPES } from '../shared/decision-check';
import type { DecisionInbox } from './decision-inbox';
import { nextDecision } from './phase-gate';
import type { SpecRunState } from './spec-run-state';

export type TicketsGateEnd = { kind: 'create'; plan: SavedPlan } | { kind: 'skip' } | { kind: 'aborted' };

const activities = proxyActivities<SpecActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});

/** The ticket plan waits for a person: approve creates it, edit replaces (and approves) it, skip creates nothing. */
export async function ticketsGate(run: SpecRunState, inbox: DecisionInbox, saved: SavedPlan, target: TicketRunInput): Promise<TicketsGateEnd> {
  const revision = 1;
  run.awaitingTickets(saved.plan.summary, revision);
  for (;;) {
    const item = await nextDecision(run, inbox, TICKETS_GATE);
    if (!item) {
      run.record({ phase: TICKETS_GATE, action: 'approve', by: 'gate-timeout', revision, outcome: 'applied' });
      run.resume();
      return { kind: 'create', plan: saved };
    }
    const { decision } = item;
    const refusal = checkDecision(decision, { awaiting: TICKETS_GATE, finished: false, approvers: run.request.approvers ?? [] });
    if (refusal) {
      run.record({ ...decision, content: undefined, revision, outcome: 'rejected', reason: refusal.message });
      inbox.settle(item, refusal);
      continue;
    }
    const settle = (next: string) => inbox.settle(item, { phase: TICKETS_GATE, action: decision.action, revision, next });
    if (decision.action === 'edit') {
      try {
        saved = await activities.acceptTicketPlan({ ...target, content: decision.content! });
      } catch (error) {
        const cause = error instanceof ActivityFailure ? error.cause : undefined;
        if (!(cause instanceof ApplicationFailure) || cause.type !== DECISION_FAILURE_TYPES.content) throw error;
        run.record({ ...decision, content: undefined, revision, outcome: 'rejected', reason: cause.message });
        inbox.settle(item, { kind: 'invalid', field: 'content', message: cause.message });
        continue;
      }
    }
    run.record({ ...decision, content: undefined, revision, outcome: 'applied' });
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
