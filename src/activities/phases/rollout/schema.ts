import { z } from 'zod';
import { MAX } from '../content-bounds';

// The FRs and NFRs a flag, trigger or alert guards: rollout checks are design elements in the traceability matrix.
const requirementIds = z
  .array(
    z
      .string()
      .regex(/^N?FR-[0-9]+$/)
      .max(MAX.name),
  )
  .max(MAX.many)
  .describe('The FR and NFR ids it guards, at least one; every NFR met by no component or control needs a check here');

export const rolloutSchema = z.object({
  featureFlags: z
    .array(
      z.object({
        name: z.string().min(1).max(MAX.name),
        description: z.string().max(MAX.sentence),
        defaultValue: z.boolean(),
        requirements: requirementIds,
      }),
    )
    .min(1)
    .max(MAX.few),
  canary: z
    .array(
      z.object({
        percent: z.number().min(0).max(100),
        duration: z.string().max(MAX.name),
        exitCriteria: z.string().max(MAX.sentence),
      }),
    )
    .min(1)
    .max(MAX.few),
  rollbackTriggers: z
    .array(
      z.object({
        signal: z.string().min(1).max(MAX.sentence),
        threshold: z.string().min(1).max(MAX.sentence).describe('Measurable, with a number: "above 1% for 5 minutes"'),
        rollbackWithinMinutes: z
          .number()
          .int()
          .min(1)
          .describe(
            'Minutes from the trigger until the previous version serves all traffic again, within the monthly downtime the availability NFR allows',
          ),
        requirements: requirementIds,
      }),
    )
    .min(1)
    .max(MAX.many),
  rollbackProcedure: z.array(z.string().max(MAX.sentence)).min(1).max(MAX.many),
  abTest: z.object({
    hypothesis: z.string().max(MAX.sentence),
    metric: z.string().max(MAX.sentence),
    split: z.string().max(MAX.name),
    minimumSample: z.string().max(MAX.sentence),
  }),
  monitoring: z
    .array(
      z.object({
        signal: z.string().max(MAX.sentence),
        threshold: z.string().max(MAX.sentence),
        alert: z.string().max(MAX.sentence),
        requirements: requirementIds,
      }),
    )
    .min(1)
    .max(MAX.many),
  reviewerNotes: z.array(z.string().max(MAX.paragraph)).max(MAX.many),
});
export type Rollout = z.infer<typeof rolloutSchema>;
