import { z } from 'zod';

export const rolloutSchema = z.object({
  featureFlags: z.array(z.object({ name: z.string().min(1), description: z.string(), defaultValue: z.boolean() })).min(1),
  canary: z.array(z.object({ percent: z.number().min(0).max(100), duration: z.string(), exitCriteria: z.string() })).min(1),
  rollbackTriggers: z.array(z.string()).min(1),
  rollbackProcedure: z.array(z.string()).min(1),
  abTest: z.object({ hypothesis: z.string(), metric: z.string(), split: z.string(), minimumSample: z.string() }),
  monitoring: z.array(z.object({ signal: z.string(), threshold: z.string(), alert: z.string() })).min(1),
  reviewerNotes: z.array(z.string()),
});
export type Rollout = z.infer<typeof rolloutSchema>;
