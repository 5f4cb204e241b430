import { z } from 'zod';

export const securitySchema = z.object({
  authentication: z.object({ scheme: z.enum(['oauth2', 'bearer-jwt', 'api-key']), description: z.string().min(1) }),
  authorization: z.string().min(1),
  encryptionAtRest: z.string().min(1),
  encryptionInTransit: z.string().min(1),
  inputValidation: z.array(z.string()).min(1),
  cors: z.string().min(1),
  csp: z.string().min(1),
  threats: z.array(z.object({ id: z.string().regex(/^TH-\d+$/), category: z.string(), threat: z.string(), control: z.string() })).min(1),
  reviewerNotes: z.array(z.string()),
});
export type Security = z.infer<typeof securitySchema>;
