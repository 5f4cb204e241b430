import { z } from 'zod';
import { MAX } from '../content-bounds';

export const securitySchema = z.object({
  authentication: z.object({
    scheme: z.enum(['oauth2', 'bearer-jwt', 'api-key']),
    description: z.string().min(1).max(MAX.paragraph),
  }),
  authorization: z.string().min(1).max(MAX.paragraph),
  encryptionAtRest: z.string().min(1).max(MAX.paragraph),
  encryptionInTransit: z.string().min(1).max(MAX.paragraph),
  inputValidation: z.array(z.string().max(MAX.sentence)).min(1).max(MAX.many),
  cors: z.string().min(1).max(MAX.paragraph),
  csp: z.string().min(1).max(MAX.paragraph),
  // Each control cites the requirements it serves (the security NFR, and FRs whose data it guards).
  threats: z
    .array(
      z.object({
        id: z
          .string()
          .regex(/^TH-[0-9]+$/)
          .max(MAX.name),
        category: z.string().max(MAX.name),
        threat: z.string().max(MAX.sentence),
        control: z.string().max(MAX.sentence),
        requirements: z
          .array(
            z
              .string()
              .regex(/^N?FR-[0-9]+$/)
              .max(MAX.name),
          )
          .max(MAX.many)
          .describe('The FR and NFR ids the control serves: the security NFR, and FRs whose data it guards'),
      }),
    )
    .min(1)
    .max(MAX.many),
  reviewerNotes: z.array(z.string().max(MAX.paragraph)).max(MAX.many),
});
export type Security = z.infer<typeof securitySchema>;
