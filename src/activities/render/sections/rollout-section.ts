import type { Rollout } from '../../phases/rollout/schema';
import { markdownCode, markdownInline } from '../markdown-text';

export function rolloutSection(rollout: Rollout, rolloutPlanFile: string): string {
  return [
    `Behind ${rollout.featureFlags.map((flag) => markdownCode(flag.name)).join(', ')}; canary ${rollout.canary.map((stage) => `${stage.percent}%`).join(' → ')}.`,
    `Rollback when: ${rollout.rollbackTriggers.map((trigger) => `${markdownInline(`${trigger.signal} ${trigger.threshold}`)} (back within ${trigger.rollbackWithinMinutes} minutes)`).join('; ')}.`,
    `The full plan is [${rolloutPlanFile}](${rolloutPlanFile}).`,
  ].join('\n\n');
}
