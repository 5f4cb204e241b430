import type { PhaseDefinition } from '../phase-definition';
import { offlineRollout } from './offline';
import { rolloutPrompt } from './prompt';
import { rolloutSchema } from './schema';

export const rolloutPhase: PhaseDefinition<'rollout'> = {
  name: 'rollout',
  schema: rolloutSchema,
  instructions: rolloutPrompt,
  offline: offlineRollout,
  summarize: (content) =>
    `${content.canary.length} canary stages to ${content.canary.at(-1)?.percent ?? 0}%, ${content.rollbackTriggers.length} rollback triggers`,
};
