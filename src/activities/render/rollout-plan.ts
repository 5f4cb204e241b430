import { markdownTable } from './markdown-table';
import { NOT_REACHED, type PackContents } from './pack-contents';
import { markdownInline } from './markdown-text';

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
  const header = [`# Rollout plan: ${markdownInline(pack.feature)}`, `> ${pack.provenance}`];
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
    rollout.rollbackProcedure.map((step, index) => `${index + 1}. ${markdownInline(step)}`).join('\n'),
    `Hypothesis: ${markdownInline(rollout.abTest.hypothesis)}\n\nMetric: ${markdownInline(rollout.abTest.metric)}; split ${markdownInline(rollout.abTest.split)}; minimum sample ${markdownInline(String(rollout.abTest.minimumSample))}.`,
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
