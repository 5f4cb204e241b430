import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { costChoices } from '../../llm/offline/cost-choices';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import type { Cost } from './schema';

/** Load and ROI assumptions for the request; the estimate itself is left to code (finalizeCost). */
export function offlineCost(context: PhaseContext): Cost {
  const terms = extractFeatureTerms(context.feature, context.description);
  // The load and retention answered at the requirements gate (else their suggested defaults), on the team's stack and cloud.
  const chosen = costChoices(context, terms.subject);
  return {
    load: chosen.load,
    roiInputs: { engineerWeeks: 6, hourlyRateUsd: 80, hoursSavedPerMonth: 40 },
    narrative: chosen.narrative,
    optimisations: [
      { idea: chosen.commitment, savingPercent: 30 },
      { idea: 'Scale service instances to 1 off-peak per zone', savingPercent: 10 },
      { idea: 'Cache list responses at the gateway for anonymous reads', savingPercent: 5 },
    ],
    estimate: null,
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
