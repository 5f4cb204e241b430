import { z } from 'zod';
import { extractFeatureTerms } from '../llm/offline/feature-terms';
import { reviewerNotes } from '../llm/offline/reviewer-notes';
import type { PhaseContext, PhaseDefinition } from './phase-definition';

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

export const apiPhase: PhaseDefinition<'api'> = {
  name: 'api',
  schema: apiSchema,
  instructions:
    'Describe the REST resources: name (plural, kebab-case), schema name, fields with types, and which operations (list, create, get, update, delete) exist with the FR ids each serves. Paths, pagination, errors and security are added by code.',
  offline: offlineApi,
  summarize: (content) =>
    `${content.resources.length} resources, ${content.resources.reduce((count, resource) => count + resource.operations.length, 0)} operations (${content.version})`,
};

function offlineApi(context: PhaseContext): Api {
  const terms = extractFeatureTerms(context.feature, context.description);
  const requirementIds = context.earlier.requirements?.functional.map((requirement) => requirement.id) ?? [];
  const trace = (index: number) => requirementIds.slice(index, index + 1);
  return {
    version: 'v1',
    resources: [
      {
        name: terms.resource,
        schemaName: terms.entity,
        description: `${terms.subject}: the ${terms.resourceWords} a user owns`,
        fields: [
          { name: 'status', type: 'string', required: true, description: 'Lifecycle state' },
          { name: 'title', type: 'string', required: true, description: `Short name of the ${terms.entityWords}` },
          { name: 'attributes', type: 'object', required: false, description: 'Feature-specific attributes' },
        ],
        operations: [
          { kind: 'list', summary: `List ${terms.resourceWords}`, requirements: trace(1) },
          { kind: 'create', summary: `Create a ${terms.entityWords}`, requirements: [...trace(0), ...trace(1)] },
          { kind: 'get', summary: `Get one ${terms.entityWords}`, requirements: trace(1) },
          { kind: 'update', summary: `Update a ${terms.entityWords}`, requirements: [...trace(1), ...trace(3)] },
          { kind: 'delete', summary: `Delete a ${terms.entityWords}`, requirements: trace(1) },
        ],
      },
      {
        name: 'audit-events',
        schemaName: 'AuditEvent',
        description: `Who changed which ${terms.entityWords}, and when`,
        fields: [
          { name: 'recordId', type: 'string', required: true, description: `The ${terms.entityWords}` },
          { name: 'actorId', type: 'string', required: true, description: 'Who acted' },
          { name: 'kind', type: 'string', required: true, description: 'What happened' },
        ],
        operations: [{ kind: 'list', summary: 'List audit events', requirements: trace(2) }],
      },
    ],
    reviewerNotes: reviewerNotes(context),
  };
}
