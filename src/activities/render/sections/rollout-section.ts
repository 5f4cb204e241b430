import type { Rollout } from '../../phases/rollout/schema';

export function rolloutSection(rollout: Rollout, rolloutPlanFile: string): string {
  return [
    `Behind ${rollout.featureFlags.map((flag) => `\`${flag.name}\``).join(', ')}; canary ${rollout.canary.map((stage) => `${stage.percent}%`).join(' → ')}.`,
    `Rollback when: ${rollout.rollbackTriggers.map((trigger) => `${trigger.signal} ${trigger.threshold} (back within ${trigger.rollbackWithinMinutes} minutes)`).join('; ')}.`,
    `The full plan is [${rolloutPlanFile}](${rolloutPlanFile}).`,
  ].join('\n\n');
}
