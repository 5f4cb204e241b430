import { z } from 'zod';
import { MAX } from '../content-bounds';

const field = z.object({
  name: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9_]*$/)
    .max(MAX.name),
  type: z.enum(['string', 'integer', 'number', 'boolean', 'object']),
  required: z.boolean(),
  description: z.string().max(MAX.sentence),
});
const requirementIds = z.array(z.string().max(MAX.name)).max(MAX.many);

// CRUD on the collection (list, create) and on one item (get, update, delete).
const crudOperation = z.object({
  kind: z.enum(['list', 'create', 'get', 'update', 'delete']),
  summary: z.string().min(1).max(MAX.sentence),
  requirements: requirementIds,
});
// What a verb-led feature does (export, import, send...) takes time: POST /{resource}/{action} starts a job (202, Location).
const startOperation = z.object({
  kind: z.enum(['start']),
  action: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .max(MAX.name),
  summary: z.string().min(1).max(MAX.sentence),
  inputs: z.array(field).max(MAX.many),
  requirements: requirementIds,
});
// GET /{resource}/{action}/{id}: the job's status and, once it is done, its result link.
const pollOperation = z.object({
  kind: z.enum(['poll']),
  action: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .max(MAX.name),
  summary: z.string().min(1).max(MAX.sentence),
  requirements: requirementIds,
});

export const apiSchema = z.object({
  version: z
    .string()
    .regex(/^v[0-9]+$/)
    .max(MAX.name),
  resources: z
    .array(
      z.object({
        name: z
          .string()
          .regex(/^[a-z][a-z0-9-]*$/)
          .max(MAX.name),
        schemaName: z
          .string()
          .regex(/^[A-Z][A-Za-z0-9]*$/)
          .max(MAX.name),
        description: z.string().max(MAX.sentence),
        fields: z.array(field).min(1).max(MAX.many),
        operations: z
          .array(z.union([crudOperation, startOperation, pollOperation]))
          .min(1)
          .max(MAX.few),
      }),
    )
    .min(1)
    .max(MAX.many),
  reviewerNotes: z.array(z.string().max(MAX.paragraph)).max(MAX.many),
});
export type Api = z.infer<typeof apiSchema>;
