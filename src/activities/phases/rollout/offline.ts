import { capitalise } from '../../../shared/text';
import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import type { Rollout } from './schema';

/** Flags, a 1-5-25-50-100% canary, rollback triggers and steps, an A/B test and monitoring. */
export function offlineRollout(context: PhaseContext): Rollout {
  const terms = extractFeatureTerms(context.feature, context.description);
  const flag = `${terms.resource}-enabled`;
  return {
    featureFlags: [
      { name: flag, description: `Turns ${terms.subject} on for a user or cohort`, defaultValue: false },
      { name: `${terms.resource}-kill-switch`, description: 'Disables the feature for everyone at once, without a deploy', defaultValue: false },
    ],
    canary: [1, 5, 25, 50, 100].map((percent) => ({
      percent,
      duration: percent === 100 ? 'permanent' : percent < 25 ? '24 hours' : '48 hours',
      exitCriteria: 'Error rate and p95 latency within the SLO; no open incident',
    })),
    rollbackTriggers: ['5xx rate above 1% for 5 minutes', 'p95 latency above 500 ms for 10 minutes', 'Any data-integrity alert', 'Support tickets about the feature double the baseline'],
    rollbackProcedure: [
      `Turn on ${terms.resource}-kill-switch (takes effect within 30 s)`,
      'Confirm error rate and latency return to baseline on the dashboard',
      'Pause the canary pipeline and open an incident',
      'If a migration caused it, deploy the reverse migration; data stays because migrations are additive',
    ],
    abTest: { hypothesis: `${capitalise(terms.subject)} improves task completion`, metric: 'Task completion rate within one session', split: '50/50 among flagged users', minimumSample: '2,000 users per arm (80% power, 5% significance)' },
    monitoring: [
      { signal: '5xx rate per endpoint', threshold: '> 1% for 5 minutes', alert: 'Page the on-call engineer' },
      { signal: 'p95 latency', threshold: '> 300 ms reads / 500 ms writes for 10 minutes', alert: 'Page the on-call engineer' },
      { signal: 'Outbox lag', threshold: 'Oldest unpublished event > 5 minutes', alert: 'Ticket to the owning team' },
      { signal: 'SLO error budget burn', threshold: '2% of monthly budget in 1 hour', alert: 'Page the on-call engineer' },
    ],
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
