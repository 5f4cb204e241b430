import { z } from 'zod';

export const COMPONENT_KINDS = ['client', 'service', 'store', 'cache', 'queue', 'external'] as const;

export const architectureSchema = z.object({
  overview: z.string().min(1),
  components: z.array(z.object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    name: z.string().min(1),
    kind: z.enum(COMPONENT_KINDS),
    technology: z.string(),
    responsibility: z.string().min(1),
    requirements: z.array(z.string()),
  })).min(2),
  edges: z.array(z.object({ from: z.string(), to: z.string(), protocol: z.string(), description: z.string() })).min(1),
  boundaries: z.string(),
  communication: z.string(),
  dataFlow: z.string(),
  scaling: z.string(),
  caching: z.string(),
  observability: z.string(),
  reviewerNotes: z.array(z.string()),
}).superRefine((architecture, context) => {
  const ids = new Set(architecture.components.map((component) => component.id));
  architecture.edges.forEach((edge, index) => {
    for (const end of ['from', 'to'] as const) {
      if (!ids.has(edge[end])) context.addIssue({ code: 'custom', path: ['edges', index, end], message: `unknown component "${edge[end]}"` });
    }
  });
});
export type Architecture = z.infer<typeof architectureSchema>;
