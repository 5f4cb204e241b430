import { proxyActivities } from '@temporalio/workflow';
import type { SpecActivities } from '../activities/create-activities';
import type { PhaseName } from '../shared/phases';

/** What phase activities had before the starter computed it: runs (and histories) without it keep it. */
const DEFAULT_START_TO_CLOSE_MS = 10 * 60_000;

/**
 * The phase activities, with the start-to-close timeout the run was started with: a model call's
 * timeout times the calls one activity may make, which a slow local model needs.
 */
export function phaseGenerators(startToCloseMs: number | undefined) {
  const activities = proxyActivities<SpecActivities>({
    startToCloseTimeout: startToCloseMs ?? DEFAULT_START_TO_CLOSE_MS,
    // LLM calls heartbeat every few seconds, so a dead worker is noticed in 20 s, not at the timeout.
    heartbeatTimeout: '20 seconds',
    retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 6 },
  });
  return {
    requirements: activities.generateRequirements,
    architecture: activities.generateArchitecture,
    database: activities.generateDatabase,
    api: activities.generateApi,
    security: activities.generateSecurity,
    testing: activities.generateTesting,
    rollout: activities.generateRollout,
    cost: activities.generateCost,
  } satisfies Record<PhaseName, unknown>;
}
