import { ActivityFailure, ApplicationFailure, condition, log, proxyActivities } from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import { checkDecision, DECISION_FAILURE_TYPES } from '../shared/decision-check';
import type { GateName } from '../shared/decision';
import type { PhaseResult } from '../shared/spec-run';
import type { DecisionInbox, InboxItem } from './decision-inbox';
import type { SpecRunState } from './spec-run-state';

export type GateEnd = { kind: 'approved'; result: PhaseResult } | { kind: 'regenerate'; feedback: string } | { kind: 'aborted' };

const activities = proxyActivities<SpecActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});

/** Waits for a decision on the phase's current result and applies it. */
export async function phaseGate(run: SpecRunState, inbox: DecisionInbox, result: PhaseResult): Promise<GateEnd> {
  run.awaiting(result);
  for (;;) {
    const item = await nextDecision(run, inbox, result.phase);
    if (!item) {
      run.record({ phase: result.phase, action: 'approve', by: 'gate-timeout', comment: `auto-approved after ${run.request.gateTimeout}`, revision: result.revision, outcome: 'applied' });
      return { kind: 'approved', result };
    }
    const { decision } = item;
    const refusal = checkDecision(decision, { awaiting: result.phase, finished: false, approvers: run.request.approvers ?? [] });
    if (refusal) {
      // Content (a whole phase, for an edit) stays out of the recorded decision: history stays small.
      run.record({ ...decision, content: undefined, revision: result.revision, outcome: 'rejected', reason: refusal.message });
      inbox.settle(item, refusal);
      continue;
    }
    const settle = (next: string) => inbox.settle(item, { phase: decision.phase, action: decision.action, revision: result.revision, next });
    const recordApplied = () => run.record({ ...decision, content: undefined, revision: result.revision, outcome: 'applied' });
    switch (decision.action) {
      case 'approve':
        if (result.phase === 'requirements') run.answers = { ...run.answers, ...answersFrom(decision.content) };
        recordApplied();
        settle('next phase');
        return { kind: 'approved', result };
      case 'request_changes':
        recordApplied();
        settle(`regenerating ${result.phase} as revision ${result.revision + 1}`);
        return { kind: 'regenerate', feedback: decision.comment! };
      case 'abort':
        recordApplied();
        settle('run cancelled');
        return { kind: 'aborted' };
      case 'edit': {
        const edited = await applyEdit(run, item, result);
        if (edited) return { kind: 'approved', result: edited };
        break;
      }
    }
  }

  async function applyEdit(run: SpecRunState, item: InboxItem, current: PhaseResult): Promise<PhaseResult | undefined> {
    const { decision } = item;
    try {
      const edited = await activities.acceptEdit({
        specId: run.id,
        phase: current.phase,
        revision: current.revision + 1,
        feature: run.request.feature,
        description: run.request.description ?? '',
        feedback: [],
        answers: run.answers,
        earlier: run.earlier(current.phase),
        content: decision.content!,
        by: decision.by,
      });
      run.record({ ...decision, content: undefined, revision: edited.revision, outcome: 'applied' });
      inbox.settle(item, { phase: decision.phase, action: 'edit', revision: edited.revision, next: 'next phase' });
      return edited;
    } catch (error) {
      const cause = error instanceof ActivityFailure ? error.cause : undefined;
      if (!(cause instanceof ApplicationFailure) || cause.type !== DECISION_FAILURE_TYPES.content) throw error;
      run.record({ ...decision, content: undefined, revision: current.revision, outcome: 'rejected', reason: cause.message });
      inbox.settle(item, { kind: 'invalid', field: 'content', message: cause.message });
      return undefined;
    }
  }
}

/** The next decision, applying the gate-timeout policy; undefined means auto-approve. */
export async function nextDecision(run: SpecRunState, inbox: DecisionInbox, phase: GateName): Promise<InboxItem | undefined> {
  const timeout = run.request.gateTimeout ?? '24 hours';
  const policy = run.request.gateTimeout ? (run.request.onGateTimeout ?? 'remind') : 'remind';
  for (;;) {
    if (await condition(() => inbox.size > 0, timeout)) return inbox.shift();
    if (policy === 'approve') return undefined;
    if (policy === 'fail') throw ApplicationFailure.nonRetryable(`No decision on ${phase} within ${timeout}`, 'GateTimeout');
    log.warn(`Spec ${run.id} has waited ${timeout} for a decision on ${phase}`, { specId: run.id, phase });
  }
}

function answersFrom(content: Record<string, unknown> | undefined): Record<string, string> {
  const answers = content?.answers;
  if (!answers || typeof answers !== 'object') return {};
  return Object.fromEntries(Object.entries(answers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
