import { z } from 'zod';
import { MAX } from '../content-bounds';

/** The load assumptions a cost line can scale from. */
export const LOAD_MEASURES = [
  'peakRequestsPerSecond',
  'averageRequestsPerSecond',
  'monthlyActiveUsers',
  'storageGb',
  'transferGb',
] as const;

/** One priced part: the component it runs (null for shared items such as data transfer), how many units, and the load that drives the count. */
const costLine = z.object({
  item: z.string(),
  component: z.string().nullable(),
  quantity: z.number().nonnegative(),
  unit: z.string(),
  scalesWith: z.enum(LOAD_MEASURES),
  basis: z.string(),
  monthlyUsd: z.number(),
});

export const costSchema = z.object({
  load: z.object({
    peakRequestsPerSecond: z.number().positive(),
    averageRequestsPerSecond: z.number().positive(),
    monthlyActiveUsers: z.number().int().positive(),
    storageGb: z.number().positive(),
    transferGb: z.number().nonnegative(),
  }),
  roiInputs: z.object({
    engineerWeeks: z.number().positive(),
    hourlyRateUsd: z.number().positive(),
    hoursSavedPerMonth: z.number().nonnegative(),
  }),
  narrative: z.string().min(1).max(MAX.paragraph),
  optimisations: z
    .array(z.object({ idea: z.string().max(MAX.sentence), savingPercent: z.number().min(0).max(100) }))
    .min(1)
    .max(MAX.many),
  /** Filled by code from the architecture and the price table, never by the model. */
  estimate: z
    .object({
      priceTableDate: z.string(),
      lines: z.array(costLine),
      monthlyUsd: z.number(),
      projections: z.array(z.object({ scale: z.string(), monthlyUsd: z.number() })),
      roi: z.object({ buildCostUsd: z.number(), monthlyBenefitUsd: z.number(), paybackMonths: z.number().nullable() }),
    })
    .nullable(),
  reviewerNotes: z.array(z.string().max(MAX.paragraph)).max(MAX.many),
});
export type Cost = z.infer<typeof costSchema>;
