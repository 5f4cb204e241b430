import { z } from 'zod';

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
