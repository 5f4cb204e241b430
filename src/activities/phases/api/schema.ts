import { z } from 'zod';

const field = z.object({ name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]*$/), type: z.enum(['string', 'integer', 'number', 'boolean', 'object']), required: z.boolean(), description: z.string() });

export const apiSchema = z.object({
  version: z.string().regex(/^v\d+$/),
  resources: z.array(z.object({
    name: z.string().regex(/^[a-z][a-z0-9-]*$/),
    schemaName: z.string().regex(/^[A-Z][A-Za-z0-9]*$/),
    description: z.string(),
    fields: z.array(field).min(1),
    operations: z.array(z.object({
      kind: z.enum(['list', 'create', 'get', 'update', 'delete']),
      summary: z.string().min(1),
      requirements: z.array(z.string()),
    })).min(1),
  })).min(1),
  reviewerNotes: z.array(z.string()),
});
export type Api = z.infer<typeof apiSchema>;
