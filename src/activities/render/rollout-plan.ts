import { markdownTable } from './markdown-table';
import { NOT_REACHED, type PackContents } from './pack-contents';

export const ROLLOUT_PLAN_HEADINGS = [
  'Feature flags',
  'Canary stages',
  'Rollback triggers',
  'Rollback procedure',
  'A/B test',
  'Monitoring and alerts',
] as const;

export function renderRolloutPlan(pack: PackContents): string {
  const rollout = pack.phases.rollout;
  const header = [`# Rollout plan: ${pack.feature.replace(/[\r\n]+/g, ' ')}`, `> ${pack.provenance}`];
  if (!rollout) return [...header, NOT_REACHED].join('\n\n') + '\n';
  const bodies = [
    markdownTable(
      ['Flag', 'Purpose', 'Default'],
      rollout.featureFlags.map((flag) => [flag.name, flag.description, flag.defaultValue ? 'on' : 'off']),
    ),
    markdownTable(
      ['Traffic', 'Duration', 'Exit criteria'],
      rollout.canary.map((stage) => [`${stage.percent}%`, stage.duration, stage.exitCriteria]),
    ),
    markdownTable(
      ['Signal', 'Threshold', 'Rolled back within', 'Guards'],
      rollout.rollbackTriggers.map((trigger) => [
        trigger.signal,
        trigger.threshold,
        `${trigger.rollbackWithinMinutes} minutes`,
        trigger.requirements.join(', '),
      ]),
    ),
    rollout.rollbackProcedure.map((step, index) => `${index + 1}. ${step}`).join('\n'),
    `Hypothesis: ${rollout.abTest.hypothesis}\n\nMetric: ${rollout.abTest.metric}; split ${rollout.abTest.split}; minimum sample ${rollout.abTest.minimumSample}.`,
    markdownTable(
      ['Signal', 'Threshold', 'Alert', 'Guards'],
      rollout.monitoring.map((signal) => [
        signal.signal,
        signal.threshold,
        signal.alert,
        signal.requirements.join(', '),
      ]),
    ),
  ];
  return (
    [...header, ...ROLLOUT_PLAN_HEADINGS.flatMap((heading, index) => [`## ${heading}`, bodies[index]!])].join('\n\n') +
    '\n'
  );
}
