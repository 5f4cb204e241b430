import type { PhaseDefinition } from '../phase-definition';
import { finalizeCost } from './finalize-cost';
import { offlineCost } from './offline';
import { costPrompt } from './prompt';
import { costSchema } from './schema';

export const costPhase: PhaseDefinition<'cost'> = {
  name: 'cost',
  schema: costSchema,
  instructions: costPrompt,
  offline: offlineCost,
  finalize: finalizeCost,
  summarize: (content) =>
    content.estimate
      ? `$${content.estimate.monthlyUsd.toFixed(0)}/month at stated load (prices of ${content.estimate.priceTableDate})`
      : 'cost assumptions without an architecture',
};
