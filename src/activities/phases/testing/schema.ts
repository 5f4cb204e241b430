import { z } from 'zod';

export const TEST_LEVELS = ['unit', 'integration', 'e2e', 'performance', 'security', 'chaos'] as const;

export const testingSchema = z.object({
  mockingStrategy: z.string().min(1),
  cases: z.array(z.object({
    id: z.string().regex(/^T-\d+$/),
    level: z.enum(TEST_LEVELS),
    title: z.string().min(1),
    steps: z.string(),
    expected: z.string(),
    requirements: z.array(z.string()),
  })).min(1),
  reviewerNotes: z.array(z.string()),
});
export type Testing = z.infer<typeof testingSchema>;
