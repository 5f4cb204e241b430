import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import type { Api } from './schema';

/** One resource named from the request with CRUD operations, and its audit events. */
export function offlineApi(context: PhaseContext): Api {
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
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
