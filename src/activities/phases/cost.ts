import { z } from 'zod';
import { reviewerNotes } from '../llm/offline/reviewer-notes';
import { extractFeatureTerms } from '../llm/offline/feature-terms';
import { estimateCost, scaleLoad, total } from './cost/estimate-cost';
import { PRICE_TABLE } from './cost/price-table';
import type { PhaseContext, PhaseDefinition } from './phase-definition';

const costLine = z.object({ item: z.string(), basis: z.string(), monthlyUsd: z.number() });

export const costSchema = z.object({
  load: z.object({
    peakRequestsPerSecond: z.number().positive(),
    averageRequestsPerSecond: z.number().positive(),
    monthlyActiveUsers: z.number().int().positive(),
    storageGb: z.number().positive(),
    transferGb: z.number().nonnegative(),
  }),
  roiInputs: z.object({ engineerWeeks: z.number().positive(), hourlyRateUsd: z.number().positive(), hoursSavedPerMonth: z.number().nonnegative() }),
  narrative: z.string().min(1),
  optimisations: z.array(z.object({ idea: z.string(), savingPercent: z.number().min(0).max(100) })).min(1),
  /** Filled by code from the architecture and the price table, never by the model. */
  estimate: z.object({
    priceTableDate: z.string(),
    lines: z.array(costLine),
    monthlyUsd: z.number(),
    projections: z.array(z.object({ scale: z.string(), monthlyUsd: z.number() })),
    roi: z.object({ buildCostUsd: z.number(), monthlyBenefitUsd: z.number(), paybackMonths: z.number().nullable() }),
  }).nullable(),
  reviewerNotes: z.array(z.string()),
});
export type Cost = z.infer<typeof costSchema>;

export const costPhase: PhaseDefinition<'cost'> = {
  name: 'cost',
  schema: costSchema,
  instructions:
    'State the load assumptions (peak and average requests/s, monthly active users, storage and transfer in GB), ROI inputs (engineer weeks to build, hourly rate, hours saved per month), a narrative and optimisation opportunities with their saving in percent. Leave estimate null: code computes it.',
  offline: (context: PhaseContext): Cost => {
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
      reviewerNotes: reviewerNotes(context),
    };
  },
  finalize: (content, context) => {
    const architecture = context.earlier.architecture;
    if (!architecture) return content;
    const lines = estimateCost(architecture, content.load);
    const monthlyUsd = total(lines);
    const buildCostUsd = content.roiInputs.engineerWeeks * 40 * content.roiInputs.hourlyRateUsd;
    const monthlyBenefitUsd = content.roiInputs.hoursSavedPerMonth * content.roiInputs.hourlyRateUsd;
    const net = monthlyBenefitUsd - monthlyUsd;
    return {
      ...content,
      estimate: {
        priceTableDate: PRICE_TABLE.checkedOn,
        lines,
        monthlyUsd,
        projections: [1, 10, 100].map((factor) => ({ scale: `${factor}x`, monthlyUsd: total(estimateCost(architecture, scaleLoad(content.load, factor))) })),
        roi: { buildCostUsd, monthlyBenefitUsd, paybackMonths: net > 0 ? Math.round((buildCostUsd / net) * 10) / 10 : null },
      },
    };
  },
  summarize: (content) =>
    content.estimate ? `$${content.estimate.monthlyUsd.toFixed(0)}/month at stated load (prices of ${content.estimate.priceTableDate})` : 'cost assumptions without an architecture',
};
