import { capitalise, withArticle } from '../../../shared/text';
import { type FeatureTerms, extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import { jobInputs } from './job-inputs';
import type { Api } from './schema';

type Operation = Api['resources'][number]['operations'][number];

/** One resource named from the request with CRUD operations, the job its verb starts (if any), and its audit events. */
export function offlineApi(context: PhaseContext): Api {
  const terms = extractFeatureTerms(context.feature, context.description);
  const requirementIds = context.earlier.requirements?.functional.map((requirement) => requirement.id) ?? [];
  const trace = (index: number) => requirementIds.slice(index, index + 1);
  const entity = withArticle(terms.entityWords);
  return {
    version: 'v1',
    resources: [
      {
        name: terms.resource,
        schemaName: terms.entity,
        description: `${capitalise(terms.resourceWords)} that ${terms.actors} own, with their status and attributes`,
        fields: [
          { name: 'status', type: 'string', required: true, description: 'Lifecycle state' },
          { name: 'title', type: 'string', required: true, description: `Short name of the ${terms.entityWords}` },
          { name: 'attributes', type: 'object', required: false, description: 'Feature-specific attributes' },
        ],
        operations: [
          { kind: 'list', summary: `List the ${terms.resourceWords}`, requirements: trace(1) },
          { kind: 'create', summary: `Create ${entity}`, requirements: [...trace(0), ...trace(1)] },
          { kind: 'get', summary: `Get one ${terms.entityWords}`, requirements: trace(1) },
          { kind: 'update', summary: `Update ${entity}`, requirements: [...trace(1), ...trace(3)] },
          { kind: 'delete', summary: `Delete ${entity}`, requirements: trace(1) },
          ...actionOperations(terms, context, trace),
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

/** "Export invoices" → POST /invoices/exports starts an export job, GET /invoices/exports/{id} polls it. */
function actionOperations(terms: FeatureTerms, context: PhaseContext, trace: (index: number) => string[]): Operation[] {
  const { action } = terms;
  if (!action) return [];
  // The requirements name the job after the four every feature has (see the requirements template).
  const job = jobRequirement(context, action.job) ?? trace(0);
  const jobWithArticle = withArticle(`${action.job} job`);
  return [
    {
      kind: 'start',
      action: action.collection,
      summary: `${capitalise(action.verb)} ${terms.resourceWords}: starts ${jobWithArticle}`,
      inputs: jobInputs(action.verb, context.feature, terms),
      requirements: [...new Set([...trace(0), ...job])],
    },
    {
      kind: 'poll',
      action: action.collection,
      summary: `Get ${jobWithArticle}: its status and result link`,
      requirements: job,
    },
  ];
}

/** The requirement that says the job runs in the background, by its words, so an edited list still finds it. */
function jobRequirement(context: PhaseContext, job: string): string[] | undefined {
  const found = context.earlier.requirements?.functional.find(
    (requirement) => requirement.text.toLowerCase().includes(`${job} of`) && /background job/i.test(requirement.text),
  );
  return found && [found.id];
}
