import { readStackProfile } from '../../context/stack-profile';
import type { PhaseContext } from '../../phases/phase-definition';
import { answerNote, answerProfile } from './answer-profile';

/** What the team's context and the answers decide in the offline rollout plan. */
export interface RolloutChoices {
  /** Who the feature flag turns the feature on for. */
  flagAudience: string;
  exitCriteria: string;
  /** The platform's own rollback, after the kill switch; empty when the context names no platform. */
  platformRollback: string[];
}

export function rolloutChoices(context: PhaseContext): RolloutChoices {
  const { cloud, platform } = readStackProfile(context.project?.text);
  const { audience } = answerProfile(context);
  return {
    flagAudience: audience.answered ? `a cohort of ${audience.text}${answerNote(audience)}` : 'a user or cohort',
    exitCriteria: `Error rate and p95 latency within the SLO${cloud ? ` on ${cloud.monitoring}` : ''}; no open incident`,
    platformRollback: platform ? [platform.rollback] : [],
  };
}
