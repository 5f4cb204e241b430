import type { PhaseContents } from '../activities/phases/phase-contents';
import { operationRoute } from '../activities/phases/api/operation-route';
import { renderOpenApiDocument } from '../activities/render/openapi-document';
import { userStorySentence } from '../activities/render/user-story-sentence';
import type { PhaseName } from '../shared/phases';
import type { ReviewItem } from './review-types';

/** A commentable item with the content it stands for: what a diff compares. */
export interface PhaseItem extends ReviewItem {
  value: unknown;
}

/**
 * The items of a phase a reviewer can comment on and a diff matches, with ids that stay the same
 * across revisions: FR-n, NFR-n, US-n, Q-n, component ids, table names, operations, TH-n, T-n.
 */
export function phaseItems(phase: PhaseName, content: unknown): PhaseItem[] {
  return uniqueIds(itemsOf(phase, content as PhaseContents[PhaseName]));
}

function itemsOf(phase: PhaseName, content: PhaseContents[PhaseName]): PhaseItem[] {
  switch (phase) {
    case 'requirements': {
      const requirements = content as PhaseContents['requirements'];
      return [
        ...requirements.functional.map((value) => ({
          id: value.id,
          kind: 'functional requirement',
          label: value.text,
          value,
        })),
        ...requirements.nonFunctional.map((value) => ({
          id: value.id,
          kind: 'non-functional requirement',
          label: `${value.category}: ${value.text}`,
          value,
        })),
        ...requirements.userStories.map((value) => ({
          id: value.id,
          kind: 'user story',
          label: userStorySentence(value),
          value,
        })),
        ...requirements.questions.map((value) => ({ id: value.id, kind: 'question', label: value.question, value })),
      ];
    }
    case 'architecture': {
      const architecture = content as PhaseContents['architecture'];
      return [
        ...architecture.components.map((value) => ({
          id: value.id,
          kind: 'component',
          label: `${value.name} (${value.kind})`,
          value,
        })),
        ...architecture.edges.map((value) => ({
          id: `${value.from}->${value.to}`,
          kind: 'connection',
          label: `${value.from} → ${value.to} (${value.protocol})`,
          value,
        })),
      ];
    }
    case 'database':
      return (content as PhaseContents['database']).tables.map((value) => ({
        id: value.name,
        kind: 'table',
        label: value.purpose || value.name,
        value,
      }));
    case 'api':
      return apiItems(content as PhaseContents['api']);
    case 'security':
      return (content as PhaseContents['security']).threats.map((value) => ({
        id: value.id,
        kind: 'threat',
        label: `${value.threat} → ${value.control}`,
        value,
      }));
    case 'testing':
      return (content as PhaseContents['testing']).cases.map((value) => ({
        id: value.id,
        kind: 'test case',
        label: `${value.level}: ${value.title}`,
        value,
      }));
    case 'rollout': {
      const rollout = content as PhaseContents['rollout'];
      return [
        ...rollout.featureFlags.map((value) => ({
          id: value.name,
          kind: 'feature flag',
          label: value.description || value.name,
          value,
        })),
        ...rollout.canary.map((value) => ({
          id: `canary ${value.percent}%`,
          kind: 'canary stage',
          label: `${value.percent}% for ${value.duration}`,
          value,
        })),
        ...rollout.rollbackProcedure.map((value, index) => ({
          id: `rollback step ${index + 1}`,
          kind: 'rollback step',
          label: value,
          value,
        })),
      ];
    }
    case 'cost':
      return ((content as PhaseContents['cost']).estimate?.lines ?? []).map((value) => ({
        id: value.item,
        kind: 'cost line',
        label: `${value.item}: $${value.monthlyUsd}/month`,
        value,
      }));
  }
}

/** Resources by name, and operations by method and path with the operationId the OpenAPI document gives them. */
function apiItems(api: PhaseContents['api']): PhaseItem[] {
  const paths = renderOpenApiDocument('items', api, undefined, '').paths as Record<
    string,
    Record<string, { operationId?: string }>
  >;
  return api.resources.flatMap(({ operations, ...resource }) => [
    { id: resource.name, kind: 'resource', label: `${resource.schemaName}: ${resource.description}`, value: resource },
    ...operations.map((operation) => {
      const { method, path } = operationRoute(resource.name, operation);
      const { operationId } = paths[path]![method.toLowerCase()]!;
      return {
        id: `${method} /${api.version}${path}`,
        kind: 'operation',
        label: `${operationId}: ${operation.summary}`,
        value: operation,
      };
    }),
  ]);
}

/** Content may repeat an id (two flags of one name); later ones get a suffix so each item stays addressable. */
function uniqueIds(items: PhaseItem[]): PhaseItem[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const count = (seen.get(item.id) ?? 0) + 1;
    seen.set(item.id, count);
    return count === 1 ? item : { ...item, id: `${item.id} #${count}` };
  });
}
