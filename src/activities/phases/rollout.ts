import { z } from 'zod';
import { capitalise } from '../../shared/text';
import { reviewerNotes } from '../llm/offline/reviewer-notes';
import { extractFeatureTerms } from '../llm/offline/feature-terms';
import type { PhaseContext, PhaseDefinition } from './phase-definition';

export const rolloutSchema = z.object({
  featureFlags: z.array(z.object({ name: z.string().min(1), description: z.string(), defaultValue: z.boolean() })).min(1),
  canary: z.array(z.object({ percent: z.number().min(0).max(100), duration: z.string(), exitCriteria: z.string() })).min(1),
  rollbackTriggers: z.array(z.string()).min(1),
  rollbackProcedure: z.array(z.string()).min(1),
  abTest: z.object({ hypothesis: z.string(), metric: z.string(), split: z.string(), minimumSample: z.string() }),
  monitoring: z.array(z.object({ signal: z.string(), threshold: z.string(), alert: z.string() })).min(1),
  reviewerNotes: z.array(z.string()),
});
export type Rollout = z.infer<typeof rolloutSchema>;

export const rolloutPhase: PhaseDefinition<'rollout'> = {
  name: 'rollout',
  schema: rolloutSchema,
  instructions:
    'Plan the rollout: feature flags, canary stages with percentages, durations and exit criteria, rollback triggers with thresholds and the rollback procedure step by step, an A/B test configuration, and monitoring signals with alert thresholds.',
  offline: offlineRollout,
  summarize: (content) => `${content.canary.length} canary stages to ${content.canary.at(-1)?.percent ?? 0}%, ${content.rollbackTriggers.length} rollback triggers`,
};

function offlineRollout(context: PhaseContext): Rollout {
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
    reviewerNotes: reviewerNotes(context),
  };
}
