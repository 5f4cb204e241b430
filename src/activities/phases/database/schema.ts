import { z } from 'zod';

const column = z.object({ name: z.string().regex(/^[a-z_][a-z0-9_]*$/), type: z.string().min(1), nullable: z.boolean(), description: z.string() });

export const databaseSchema = z.object({
  engine: z.string().min(1),
  tables: z.array(z.object({
    name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
    purpose: z.string(),
    columns: z.array(column).min(1),
    indexes: z.array(z.string()),
    references: z.array(z.object({ column: z.string(), table: z.string() })),
    requirements: z.array(z.string()),
  })).min(1),
  migrations: z.array(z.string()).min(1),
  retention: z.string(),
  reviewerNotes: z.array(z.string()),
});
export type Database = z.infer<typeof databaseSchema>;
