import type { Criterion } from './criterion';
import { nonFunctionalKind } from './nonfunctional-kind';

const MINUTES_PER_MONTH = 30 * 24 * 60;

/**
 * A rollback plan a person can act on: every trigger has a measurable threshold and a time to roll
 * back that fits the availability target's downtime budget, and the procedure has steps.
 */
export const rollbackCriterion: Criterion = {
  name: 'rollback plan with triggers and steps',
  phase: 'rollout',
  problems: ({ requirements, rollout }) => {
    const budget = downtimeBudget(requirements?.nonFunctional ?? []);
    return [
      ...rollout!.rollbackTriggers.flatMap((trigger) => [
        ...(/[0-9]/.test(trigger.threshold)
          ? []
          : [`rollback trigger "${trigger.signal}" has no measurable threshold`]),
        ...(trigger.rollbackWithinMinutes > 0
          ? []
          : [`rollback trigger "${trigger.signal}" gives no time to roll back`]),
        ...(budget && trigger.rollbackWithinMinutes > budget.minutes
          ? [
              `rolling back "${trigger.signal}" takes up to ${trigger.rollbackWithinMinutes} minutes, over the ${budget.minutes}-minute monthly downtime budget of ${budget.id}`,
            ]
          : []),
      ]),
      ...(rollout!.rollbackProcedure.length >= 2 ? [] : ['the rollback procedure needs at least two steps']),
    ];
  },
};

/** Minutes of downtime a month the strictest availability target allows ("99.9%" allows 43). */
function downtimeBudget(
  nonFunctional: { id: string; category: string; text: string }[],
): { id: string; minutes: number } | undefined {
  const budgets = nonFunctional
    .filter((requirement) => nonFunctionalKind(requirement) === 'availability')
    .flatMap((requirement) => {
      const percent = Number(/(9[0-9](?:\.[0-9]+)?)\s*%/.exec(requirement.text)?.[1]);
      return Number.isFinite(percent)
        ? [{ id: requirement.id, minutes: Math.floor(((100 - percent) / 100) * MINUTES_PER_MONTH) }]
        : [];
    });
  return budgets.sort((a, b) => a.minutes - b.minutes)[0];
}
