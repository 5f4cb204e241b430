import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import type { Cost } from './schema';

/** Load and ROI assumptions for the request; the estimate itself is left to code (finalizeCost). */
export function offlineCost(context: PhaseContext): Cost {
  const terms = extractFeatureTerms(context.feature, context.description);
  // The requirements' question Q-2 asks for the peak load; an answer with a number sets it.
  const peak = Number(/\d[\d,]*/.exec(context.answers['Q-2'] ?? '')?.[0]?.replace(/,/g, '')) || 200;
  return {
    load: { peakRequestsPerSecond: peak, averageRequestsPerSecond: Math.max(1, Math.round(peak / 4)), monthlyActiveUsers: 20_000, storageGb: 50, transferGb: 200 },
    roiInputs: { engineerWeeks: 6, hourlyRateUsd: 80, hoursSavedPerMonth: 40 },
    narrative: `Running ${terms.subject} is dominated by the database and the always-on service instances; usage-priced parts (queue, email, transfer) stay small until 10x load.`,
    optimisations: [
      { idea: 'Reserved instances or a savings plan for the database and services (1-year)', savingPercent: 30 },
      { idea: 'Scale service instances to 1 off-peak per zone', savingPercent: 10 },
      { idea: 'Cache list responses at the gateway for anonymous reads', savingPercent: 5 },
    ],
    estimate: null,
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
