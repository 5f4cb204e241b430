/** What the model is asked for in the rollout phase, beyond the schema: every sub-item the design lists. */
export const rolloutPrompt = [
  'Plan the rollout:',
  'feature flags (including a kill switch);',
  'canary stages with traffic percentages, durations and exit criteria;',
  'rollback triggers with measurable thresholds, and the rollback procedure step by step;',
  'an A/B test configuration (hypothesis, metric, split, minimum sample);',
  'monitoring and alerting: signals with alert thresholds and who is alerted.',
  'Each rollback trigger has a signal, a threshold with a number and the minutes to roll back; every flag, trigger and alert cites the FR or NFR ids it guards.',
].join(' ');
