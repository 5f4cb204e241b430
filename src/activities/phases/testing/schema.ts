import { z } from 'zod';
import { MAX } from '../content-bounds';

export const TEST_LEVELS = ['unit', 'integration', 'e2e', 'performance', 'security', 'chaos'] as const;

export const testingSchema = z.object({
  mockingStrategy: z.string().min(1).max(MAX.paragraph),
  cases: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^T-[0-9]+$/)
          .max(MAX.name),
        level: z.enum(TEST_LEVELS),
        title: z.string().min(1).max(MAX.sentence),
        steps: z.string().max(MAX.paragraph),
        expected: z.string().max(MAX.sentence),
        requirements: z
          .array(z.string().max(MAX.name))
          .max(MAX.many)
          .describe(
            'The FR and NFR ids the case checks, at least one; every NFR needs a case, a performance NFR a performance case with its numbers',
          ),
        threats: z
          .array(
            z
              .string()
              .regex(/^TH-[0-9]+$/)
              .max(MAX.name),
          )
          .max(MAX.many)
          .describe('The threats (TH-n) a security case shows stopped; every threat needs a case'),
      }),
    )
    .min(1)
    .max(MAX.many),
  reviewerNotes: z.array(z.string().max(MAX.paragraph)).max(MAX.many),
});
export type Testing = z.infer<typeof testingSchema>;
