import { z } from 'zod';
import { MAX } from '../content-bounds';

const column = z.object({
  name: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .max(MAX.name),
  type: z.string().min(1).max(MAX.name),
  nullable: z.boolean(),
  description: z.string().max(MAX.sentence),
});

export const databaseSchema = z.object({
  engine: z.string().min(1).max(MAX.name),
  tables: z
    .array(
      z.object({
        name: z
          .string()
          .regex(/^[a-z_][a-z0-9_]*$/)
          .max(MAX.name),
        purpose: z.string().max(MAX.sentence),
        columns: z.array(column).min(1).max(MAX.many),
        indexes: z.array(z.string().max(MAX.sentence)).max(MAX.many),
        references: z
          .array(z.object({ column: z.string().max(MAX.name), table: z.string().max(MAX.name) }))
          .max(MAX.many),
        requirements: z
          .array(z.string().max(MAX.name))
          .max(MAX.many)
          .describe('The FR ids the table serves, at least one'),
      }),
    )
    .min(1)
    .max(MAX.many),
  migrations: z.array(z.string().max(MAX.sentence)).min(1).max(MAX.many),
  // Retention, backup and recovery, and read/write splitting: a paragraph (see the prompt).
  retention: z.string().max(MAX.paragraph),
  reviewerNotes: z.array(z.string().max(MAX.paragraph)).max(MAX.many),
});
export type Database = z.infer<typeof databaseSchema>;
