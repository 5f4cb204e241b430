import { z } from 'zod';
import { MAX } from '../content-bounds';

export const COMPONENT_KINDS = ['client', 'service', 'store', 'cache', 'queue', 'external'] as const;

export const architectureSchema = z
  .object({
    overview: z.string().min(1).max(MAX.paragraph),
    components: z
      .array(
        z.object({
          id: z
            .string()
            .regex(/^[a-z][a-z0-9-]*$/)
            .max(MAX.name),
          name: z.string().min(1).max(MAX.name),
          kind: z.enum(COMPONENT_KINDS),
          technology: z.string().max(MAX.name),
          responsibility: z.string().min(1).max(MAX.sentence),
          requirements: z
            .array(z.string().max(MAX.name))
            .max(MAX.many)
            .describe(
              'The FR and NFR ids the component serves, at least one: a gateway or cache cites the performance and security NFRs it meets',
            ),
        }),
      )
      .min(2)
      .max(MAX.many),
    edges: z
      .array(
        z.object({
          from: z.string().max(MAX.name),
          to: z.string().max(MAX.name),
          protocol: z.string().min(1).max(MAX.name),
          description: z.string().max(MAX.sentence),
        }),
      )
      .min(1)
      .max(MAX.many),
    boundaries: z.string().max(MAX.paragraph),
    communication: z.string().max(MAX.paragraph),
    dataFlow: z.string().max(MAX.paragraph),
    scaling: z.string().max(MAX.paragraph),
    caching: z.string().max(MAX.paragraph),
    observability: z.string().max(MAX.paragraph),
    reviewerNotes: z.array(z.string().max(MAX.paragraph)).max(MAX.many),
  })
  .superRefine((architecture, context) => {
    const ids = new Set(architecture.components.map((component) => component.id));
    architecture.edges.forEach((edge, index) => {
      for (const end of ['from', 'to'] as const) {
        if (!ids.has(edge[end]))
          context.addIssue({
            code: 'custom',
            path: ['edges', index, end],
            message: `unknown component "${edge[end]}"`,
          });
      }
    });
  });
export type Architecture = z.infer<typeof architectureSchema>;
