import { z } from 'zod';
import { MAX } from '../content-bounds';

const acceptanceCriterion = z.object({
  id: z
    .string()
    .regex(/^AC-[0-9]+[.][0-9]+$/)
    .max(MAX.name),
  given: z.string().min(1).max(MAX.sentence),
  when: z.string().min(1).max(MAX.sentence),
  then: z.string().min(1).max(MAX.sentence),
});

export const requirementsSchema = z.object({
  summary: z.string().min(1).max(MAX.paragraph),
  functional: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^FR-[0-9]+$/)
          .max(MAX.name),
        text: z.string().min(1).max(MAX.sentence),
        priority: z.enum(['must', 'should', 'could']),
      }),
    )
    .min(1)
    .max(MAX.many),
  nonFunctional: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^NFR-[0-9]+$/)
          .max(MAX.name),
        category: z.string().min(1).max(MAX.name),
        text: z.string().min(1).max(MAX.sentence),
      }),
    )
    .min(1)
    .max(MAX.many),
  userStories: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^US-[0-9]+$/)
          .max(MAX.name),
        asA: z.string().min(1).max(MAX.name),
        iWant: z.string().min(1).max(MAX.sentence),
        soThat: z.string().min(1).max(MAX.sentence),
        requirements: z.array(z.string().max(MAX.name)).max(MAX.many),
        acceptanceCriteria: z.array(acceptanceCriterion).min(1).max(MAX.few),
        edgeCases: z
          .array(z.string().max(MAX.sentence))
          .min(1)
          .max(MAX.few)
          .describe(
            "This story's own edge cases, each naming its actor or resource, covering at least four kinds: duplicates and concurrency, limits and sizes, a dependency failing or timing out, authorization, hostile input, time and expiry, data lifecycle",
          ),
      }),
    )
    .min(1)
    .max(MAX.many),
  questions: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^Q-[0-9]+$/)
          .max(MAX.name),
        question: z.string().max(MAX.sentence),
        suggestedDefault: z.string().max(MAX.sentence),
        answer: z.string().max(MAX.paragraph).nullable(),
      }),
    )
    .max(MAX.few),
  reviewerNotes: z.array(z.string().max(MAX.paragraph)).max(MAX.many),
});
export type Requirements = z.infer<typeof requirementsSchema>;
