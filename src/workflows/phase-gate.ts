import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import type { Decision } from '../shared/decision';
import { DECISION_FAILURE_TYPES, feedbackOf } from '../shared/decision-check';
import type { PhaseResult } from '../shared/spec-run';
import { applyReopen } from './apply-reopen';
import type { DecisionInbox } from './decision-inbox';
import type { Notifications } from './notifications';
import { receiveDecision, type ReceivedDecision } from './receive-decision';
import type { SpecRunState } from './spec-run-state';

export type GateEnd =
  | { kind: 'approved'; result: PhaseResult }
  | { kind: 'regenerate'; feedback: string }
  | { kind: 'aborted' }
  /** An approved phase was reopened: this gate closes, its result held until the walk comes back to it. */
  | { kind: 'reopened'; decision: Decision };

const activities = proxyActivities<SpecActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});

/** Waits for decisions on the phase's current result and applies them until it is approved, sent back or aborted. */
export async function phaseGate(
  run: SpecRunState,
  inbox: DecisionInbox,
  notifications: Notifications,
  result: PhaseResult,
  /** A run that continued as new reopens its gate as it was: approvals so far kept, nobody told again. */
  resumed = false,
): Promise<GateEnd> {
  if (!resumed) {
    run.awaiting(result);
    notifications.send({
      kind: 'gate_opened',
      specId: run.id,
      feature: run.request.feature,
      phase: result.phase,
      revision: result.revision,
    });
  }
  for (;;) {
    const received = await receiveDecision(run, inbox, notifications, {
      name: result.phase,
      revision: result.revision,
    });
    if (!received) {
      run.record(
        {
          phase: result.phase,
          action: 'approve',
          by: 'gate-timeout',
          comment: `auto-approved after ${run.request.gateTimeout}`,
        },
        { revision: result.revision, outcome: 'applied', via: 'timer', verified: true },
      );
      return { kind: 'approved', result };
    }
    const { item, decision, channel } = received;
    const applied = (revision = result.revision) => run.record(decision, { revision, outcome: 'applied', ...channel });
    const settle = (next: string, revision = result.revision) =>
      inbox.settle(item, { phase: decision.phase, action: decision.action, revision, next });
    switch (decision.action) {
      case 'approve':
        if (result.phase === 'requirements') run.addAnswers(answersFrom(decision.content));
        applied();
        if (run.approvalsMissing() > 0) {
          settle(`waiting for ${run.approvalsMissing()} more approval(s)`);
          break;
        }
        settle('next phase');
        return { kind: 'approved', result };
      case 'request_changes':
        applied();
        settle(`regenerating ${result.phase} as revision ${result.revision + 1}`);
        return { kind: 'regenerate', feedback: feedbackOf(decision) };
      case 'abort':
        applied();
        settle('run cancelled');
        return { kind: 'aborted' };
      case 'reopen':
        return applyReopen(run, decision, (next, revision) => {
          applied(revision);
          settle(next, revision);
        });
      case 'edit': {
        const edited = await applyEdit(run, inbox, received, result);
        if (!edited) break;
        // The edit is its author's approval of a new revision; a run that needs more asks again.
        result = edited;
        run.awaiting(edited);
        applied(edited.revision);
        if (run.approvalsMissing() > 0) {
          settle(`waiting for ${run.approvalsMissing()} more approval(s) of the edit`, edited.revision);
          break;
        }
        settle('next phase', edited.revision);
        return { kind: 'approved', result: edited };
      }
    }
  }
}

/** Validates and stores a person's replacement content; a refused edit is recorded and answered, and the gate waits on. */
async function applyEdit(
  run: SpecRunState,
  inbox: DecisionInbox,
  { item, decision, channel }: ReceivedDecision,
  current: PhaseResult,
): Promise<PhaseResult | undefined> {
  try {
    return await activities.acceptEdit({
      specId: run.id,
      phase: current.phase,
      revision: current.revision + 1,
      feature: run.request.feature,
      description: run.request.description ?? '',
      feedback: [],
      answers: run.answers,
      earlier: run.earlier(current.phase),
      // Content stored by specforge stays out of history: the activity reads it by reference.
      ...(decision.contentRef ? { contentRef: decision.contentRef } : { content: decision.content! }),
      by: decision.by,
    });
  } catch (error) {
    const cause = error instanceof ActivityFailure ? error.cause : undefined;
    if (!(cause instanceof ApplicationFailure) || cause.type !== DECISION_FAILURE_TYPES.content) throw error;
    run.record(decision, { revision: current.revision, outcome: 'rejected', reason: cause.message, ...channel });
    inbox.settle(item, { kind: 'invalid', field: 'content', message: cause.message });
    return undefined;
  }
}

function answersFrom(content: Record<string, unknown> | undefined): Record<string, string> {
  const answers = content?.answers;
  if (!answers || typeof answers !== 'object') return {};
  return Object.fromEntries(
    Object.entries(answers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}
