import { z } from 'zod';

const acceptanceCriterion = z.object({
  id: z.string().regex(/^AC-\d+\.\d+$/),
  given: z.string().min(1),
  when: z.string().min(1),
  then: z.string().min(1),
});

export const requirementsSchema = z.object({
  summary: z.string().min(1),
  functional: z.array(z.object({ id: z.string().regex(/^FR-\d+$/), text: z.string().min(1), priority: z.enum(['must', 'should', 'could']) })).min(1),
  nonFunctional: z.array(z.object({ id: z.string().regex(/^NFR-\d+$/), category: z.string().min(1), text: z.string().min(1) })).min(1),
  userStories: z.array(z.object({
    id: z.string().regex(/^US-\d+$/),
    asA: z.string().min(1),
    iWant: z.string().min(1),
    soThat: z.string().min(1),
    requirements: z.array(z.string()),
    acceptanceCriteria: z.array(acceptanceCriterion).min(1),
    edgeCases: z.array(z.string()).min(1),
  })).min(1),
  questions: z.array(z.object({ id: z.string().regex(/^Q-\d+$/), question: z.string(), suggestedDefault: z.string(), answer: z.string().nullable() })),
  reviewerNotes: z.array(z.string()),
});
export type Requirements = z.infer<typeof requirementsSchema>;
