import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import { rolloutChoices } from '../../llm/offline/rollout-choices';
import { nonFunctionalIds, nonFunctionalKind, type NonFunctionalKind } from '../../quality/nonfunctional-kind';
import type { PhaseContext } from '../phase-definition';
import type { Rollout } from './schema';

/** Flags, a 1-5-25-50-100% canary, rollback triggers and steps, an A/B test and monitoring, each citing the requirements it guards. */
export function offlineRollout(context: PhaseContext): Rollout {
  const terms = extractFeatureTerms(context.feature, context.description);
  const flag = `${terms.resource}-enabled`;
  // Who the flag serves (an answer), the team's monitoring and platform rollback (their context).
  const chosen = rolloutChoices(context);
  const requirements = context.earlier.requirements;
  const functionalIds = (requirements?.functional ?? []).map((requirement) => requirement.id);
  // A check guards the NFRs of its kind; without one, it guards the feature's main requirement.
  const guards = (...kinds: NonFunctionalKind[]) => {
    const ids = nonFunctionalIds(requirements, ...kinds);
    return ids.length ? ids : functionalIds.slice(0, 1);
  };
  const unwatched = (requirements?.nonFunctional ?? []).filter(
    (requirement) => nonFunctionalKind(requirement) === 'other',
  );
  return {
    featureFlags: [
      {
        name: flag,
        description: `Turns ${terms.subject} on for ${chosen.flagAudience}`,
        defaultValue: false,
        requirements: functionalIds,
      },
      {
        name: `${terms.resource}-kill-switch`,
        description: 'Disables the feature for everyone at once, without a deploy',
        defaultValue: false,
        requirements: guards('availability'),
      },
    ],
    canary: [1, 5, 25, 50, 100].map((percent) => ({
      percent,
      duration: percent === 100 ? 'permanent' : percent < 25 ? '24 hours' : '48 hours',
      exitCriteria: chosen.exitCriteria,
    })),
    rollbackTriggers: [
      {
        signal: '5xx rate',
        threshold: 'above 1% for 5 minutes',
        rollbackWithinMinutes: 5,
        requirements: guards('availability'),
      },
      {
        signal: 'p95 latency',
        threshold: 'above 500 ms for 10 minutes',
        rollbackWithinMinutes: 10,
        requirements: guards('performance'),
      },
      {
        signal: 'Authorization failures (401/403)',
        threshold: 'above 5 times the baseline for 10 minutes',
        rollbackWithinMinutes: 10,
        requirements: guards('security'),
      },
      {
        signal: 'Data-integrity check failures',
        threshold: 'more than 0 in any hourly run',
        rollbackWithinMinutes: 15,
        requirements: functionalIds.slice(0, 2),
      },
      {
        signal: 'Support tickets about the feature',
        threshold: 'over 2 times the weekly baseline in a day',
        rollbackWithinMinutes: 30,
        requirements: functionalIds.slice(0, 1),
      },
    ],
    rollbackProcedure: [
      `Turn on ${terms.resource}-kill-switch (takes effect within 30 s)`,
      ...chosen.platformRollback,
      'Confirm error rate and latency return to baseline on the dashboard',
      'Pause the canary pipeline and open an incident',
      'If a migration caused it, deploy the reverse migration; data stays because migrations are additive',
    ],
    abTest: {
      hypothesis: `Task completion improves with ${terms.subject}`,
      metric: 'Task completion rate within one session',
      split: '50/50 among flagged users',
      minimumSample: '2,000 users per arm (80% power, 5% significance)',
    },
    monitoring: [
      {
        signal: '5xx rate per endpoint',
        threshold: '> 1% for 5 minutes',
        alert: 'Page the on-call engineer',
        requirements: guards('availability'),
      },
      {
        signal: 'p95 latency',
        threshold: '> 300 ms reads / 500 ms writes for 10 minutes',
        alert: 'Page the on-call engineer',
        requirements: guards('performance'),
      },
      {
        signal: 'Outbox lag',
        threshold: 'Oldest unpublished event > 5 minutes',
        alert: 'Ticket to the owning team',
        requirements: [...functionalIds.slice(2, 4), ...guards('availability')],
      },
      {
        signal: 'SLO error budget burn',
        threshold: '2% of monthly budget in 1 hour',
        alert: 'Page the on-call engineer',
        requirements: guards('availability'),
      },
      {
        signal: 'Refused logins and 401/403 responses',
        threshold: '> 5 times the hourly baseline',
        alert: 'Page the security on-call',
        requirements: guards('security'),
      },
      {
        signal: 'Records past their retention period',
        threshold: '> 0 after the nightly purge',
        alert: 'Ticket to the owning team',
        requirements: guards('retention'),
      },
      ...unwatched.map((requirement) => ({
        signal: `${requirement.category}: ${requirement.id}`,
        threshold: 'Any breach of the stated target in the daily check',
        alert: 'Ticket to the owning team',
        requirements: [requirement.id],
      })),
    ],
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
