import { z } from 'zod';
import { PHASES } from '../shared/phases';
import { codecPaths } from './codec/codec-document';
import {
  amendmentBody,
  CURSOR_PATTERN,
  createSpecBody,
  decisionBody,
  MAX_CURSOR_LENGTH,
  retryBody,
} from './request-schemas';
import { TEMPORAL_RETRY_AFTER_SECONDS } from './temporal-errors';
import { describeTrimmed } from './trimmed-text-schema';

const TAGS = [
  { name: 'specs', description: 'Start, list, inspect, cancel, amend and retry spec runs' },
  {
    name: 'decisions',
    description: 'Decide at a gate: approve, request changes, edit, abort, reopen an approved phase',
  },
  { name: 'phases', description: 'What a reviewer reads: a phase rendered, its revisions, diffs, and edit dry runs' },
  { name: 'artifacts', description: 'The pack files, and while a run is open its draft pack' },
  { name: 'tickets', description: 'The ticket plan and the created tickets' },
  { name: 'session', description: 'Who is calling; signing a browser in and out of the review page' },
  { name: 'codec', description: "Temporal's codec-server protocol: the Temporal UI shows payloads decoded" },
  { name: 'health', description: 'Liveness' },
];

const signinForm = {
  required: true,
  content: {
    'application/x-www-form-urlencoded': {
      schema: {
        type: 'object',
        required: ['token'],
        properties: {
          token: { type: 'string' },
          next: { type: 'string', description: 'a path on this site to return to' },
        },
      },
    },
  },
};
const redirect = (description: string) => ({ description, headers: { Location: { schema: { type: 'string' } } } });

const problem = {
  description: 'RFC 9457 problem',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};
const unavailable = {
  description: 'Temporal (or, for a decision, a worker) cannot be reached now; retry after the given delay',
  headers: {
    'Retry-After': {
      description: `Seconds to wait before asking again (${TEMPORAL_RETRY_AFTER_SECONDS} when Temporal is unreachable)`,
      schema: { type: 'integer', minimum: 0 },
    },
  },
  content: problem.content,
};
const json = (description: string, schema: unknown = { type: 'object' }) => ({
  description,
  content: { 'application/json': { schema } },
});
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const phaseParameter = {
  name: 'phase',
  in: 'path',
  required: true,
  description: 'Unknown phases are 404',
  schema: { type: 'string', enum: [...PHASES] },
};
const revision = (name: string, where: 'path' | 'query', description: string) => ({
  name,
  in: where,
  required: where === 'path',
  description,
  schema: { type: 'integer', minimum: 1 },
});

/** specforge's own HTTP contract, served at GET /openapi.json; bodies come from the zod schemas. */
export function apiDocument(): Record<string, unknown> {
  const document = {
    openapi: '3.1.0',
    info: {
      title: 'specforge API',
      version: '1.0.0',
      description: 'Start, inspect, review and steer spec runs.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    tags: TAGS,
    paths: {
      '/v1/specs': {
        post: {
          tags: ['specs'],
          operationId: 'createSpec',
          summary: 'Start a spec run',
          requestBody: { required: true, content: { 'application/json': { schema: createSpecSchema() } } },
          responses: {
            '201': {
              ...json('Started', { type: 'object', required: ['id'], properties: { id: { type: 'string' } } }),
              links: runLinks(),
            },
            '422': problem,
          },
        },
        get: {
          tags: ['specs'],
          operationId: 'listSpecs',
          summary: 'List runs from Temporal visibility',
          parameters: [
            {
              name: 'status',
              in: 'query',
              schema: { type: 'string', enum: ['running', 'awaiting_approval', 'completed', 'failed', 'cancelled'] },
            },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
            {
              name: 'cursor',
              in: 'query',
              description: "The previous page's nextCursor, as given; any other value is 422",
              schema: { type: 'string', pattern: CURSOR_PATTERN.source, maxLength: MAX_CURSOR_LENGTH },
            },
          ],
          responses: { '200': json('A page of runs'), '422': problem },
        },
      },
      '/v1/specs/{id}': {
        get: {
          tags: ['specs'],
          operationId: 'getSpec',
          summary: 'Status of one run, open or closed',
          description: 'While the run is open, `artifacts` also lists its draft pack files (`draft: true`).',
          parameters: [idParameter],
          responses: { '200': json('The run'), '404': problem },
        },
      },
      '/v1/specs/{id}/decisions': {
        post: {
          tags: ['decisions'],
          operationId: 'decide',
          summary: 'Decide on the phase awaiting approval (the decide update)',
          parameters: [idParameter],
          requestBody: { required: true, content: { 'application/json': { schema: decisionSchema() } } },
          responses: {
            '200': json('What the run does next'),
            '403': problem,
            '404': problem,
            '409': problem,
            '422': problem,
            '503': problem,
          },
        },
      },
      '/v1/specs/{id}/amendments': {
        post: {
          tags: ['specs'],
          operationId: 'amendSpec',
          summary: 'Amend a completed spec: a new run, the next version, reopening one approved phase',
          description:
            "The new run adopts the approved phases of the completed run, reopens `phase` with the comment, and regenerates the phases whose inputs change. Its tickets are brought in line with the amended run's. 409 when the run is not completed (an open run takes a `reopen` decision; a failed one is retried) or did not approve the phase.",
          parameters: [idParameter],
          requestBody: { required: true, content: { 'application/json': { schema: amendmentSchema() } } },
          responses: {
            '201': {
              ...json('Started', {
                type: 'object',
                required: ['id', 'amends', 'version', 'status'],
                properties: {
                  id: { type: 'string' },
                  amends: { type: 'string' },
                  version: { type: 'integer', minimum: 2 },
                  status: { type: 'string', const: 'running' },
                  links: { type: 'object' },
                },
              }),
              headers: { Location: { schema: { type: 'string' } } },
              links: runLinks(),
            },
            '403': problem,
            '404': problem,
            '409': problem,
            '422': problem,
          },
        },
      },
      '/v1/specs/{id}/retry': {
        post: {
          tags: ['specs'],
          operationId: 'retrySpec',
          summary: 'Retry a failed or cancelled run from where it stopped',
          description:
            'A new run that keeps the approved phases of the failed or cancelled run and begins at the phase where it stopped; nothing approved is asked again. 409 when the run is open or completed.',
          parameters: [idParameter],
          requestBody: {
            required: false,
            content: { 'application/json': { schema: z.toJSONSchema(retryBody) } },
          },
          responses: {
            '201': {
              ...json('Started', {
                type: 'object',
                required: ['id', 'retries', 'status'],
                properties: {
                  id: { type: 'string' },
                  retries: { type: 'string' },
                  status: { type: 'string', const: 'running' },
                  links: { type: 'object' },
                },
              }),
              headers: { Location: { schema: { type: 'string' } } },
              links: runLinks(),
            },
            '404': problem,
            '409': problem,
            '422': problem,
          },
        },
      },
      '/v1/specs/{id}/phases/{phase}': {
        get: {
          tags: ['phases'],
          operationId: 'getPhase',
          summary: 'The current revision of a phase, rendered',
          description:
            'The revision awaiting approval, else the approved one, else the newest: content, Markdown section as in the pack, checks, quality, open questions, commentable items.',
          parameters: [idParameter, phaseParameter],
          responses: { '200': json('The phase', ref('PhaseView')), '404': problem },
        },
      },
      '/v1/specs/{id}/phases/{phase}/revisions/{revision}': {
        get: {
          tags: ['phases'],
          operationId: 'getPhaseRevision',
          summary: 'One revision of a phase, rendered',
          parameters: [
            idParameter,
            phaseParameter,
            revision('revision', 'path', 'A stored revision (404 otherwise); not a positive integer: 422'),
          ],
          responses: { '200': json('The revision', ref('PhaseView')), '404': problem, '422': problem },
        },
      },
      '/v1/specs/{id}/phases/{phase}/diff': {
        get: {
          tags: ['phases'],
          operationId: 'diffPhase',
          summary: 'Two revisions of a phase compared',
          description:
            'Items added, removed and changed (matched by id, with each changed field), and a line diff of the rendered Markdown.',
          parameters: [
            idParameter,
            phaseParameter,
            revision('from', 'query', 'Default: the revision before `to`'),
            revision('to', 'query', 'Default: the current revision'),
          ],
          responses: { '200': json('The differences', ref('PhaseDiff')), '404': problem, '422': problem },
        },
      },
      '/v1/specs/{id}/phases/{phase}/validate': {
        post: {
          tags: ['phases'],
          operationId: 'validatePhaseEdit',
          summary: 'Dry run of an edit: the checks its content would get',
          description:
            'The body is the replacement content an `edit` decision carries. Nothing is decided; 422 lists each problem by field (`content.functional.0.text`).',
          parameters: [idParameter, phaseParameter],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { type: 'object', description: "Replacement content, per the phase's schema" },
              },
            },
          },
          responses: { '200': json('Every check passed', ref('ValidEdit')), '404': problem, '422': problem },
        },
      },
      '/v1/specs/{id}/artifacts/{file}': {
        get: {
          tags: ['artifacts'],
          operationId: 'getArtifact',
          summary: 'Download an artifact, or a draft file of an open run',
          parameters: [idParameter, { name: 'file', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            '200': { description: 'The file; a draft carries the header x-specforge-draft: true' },
            '404': problem,
            '410': problem,
          },
        },
      },
      '/v1/specs/{id}/tickets': {
        get: {
          tags: ['tickets'],
          operationId: 'getTickets',
          summary: 'The ticket plan and the created tickets',
          parameters: [idParameter],
          responses: { '200': json('Plan and created tickets'), '404': problem },
        },
      },
      '/v1/specs/{id}/cancel': {
        post: {
          tags: ['specs'],
          operationId: 'cancelSpec',
          summary: 'Cancel a run, keeping approved work',
          parameters: [idParameter],
          responses: { '202': json('Cancelling'), '403': problem, '404': problem, '409': problem },
        },
      },
      '/v1/session': {
        get: {
          tags: ['session'],
          operationId: 'getSession',
          summary: "Who the token or session is, and the CSRF token a session's POSTs carry",
          responses: {
            '200': json('The caller (name and role null in local single-user mode)', {
              type: 'object',
              properties: {
                name: { type: ['string', 'null'] },
                role: { type: ['string', 'null'] },
                via: { type: 'string' },
                csrfToken: { type: 'string' },
              },
            }),
          },
        },
      },
      '/signin': {
        post: {
          tags: ['session'],
          operationId: 'signIn',
          summary: 'Exchange a reviewer token for a session cookie (HttpOnly, SameSite=Strict)',
          security: [],
          requestBody: signinForm,
          responses: { '303': redirect('To `next`, or back to the form with error=1') },
        },
      },
      '/signout': {
        post: {
          tags: ['session'],
          operationId: 'signOut',
          summary: 'End the session (the form carries _csrf)',
          responses: { '303': redirect('To the sign-in form'), '401': problem, '403': problem },
        },
      },
      '/healthz': {
        get: {
          tags: ['health'],
          operationId: 'health',
          summary: 'Liveness and Temporal reachability',
          security: [],
          responses: { '200': json('Healthy'), '503': problem },
        },
      },
      ...codecPaths(),
      '/metrics': {
        get: {
          tags: ['health'],
          operationId: 'metrics',
          summary: 'Prometheus metrics: requests, runs at gates, phases, model calls, tickets, the Temporal worker',
          description:
            'Prometheus text format 0.0.4. Counts and durations only, never payload text. With reviewers or a service token configured it needs a bearer token (a session cookie is not taken).',
          responses: {
            '200': { description: 'The exposition', content: { 'text/plain': { schema: { type: 'string' } } } },
            '401': problem,
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: "A reviewer's token or SPECFORGE_API_TOKEN, when the server has reviewers or a token",
        },
      },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            errors: {
              type: 'array',
              items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } },
            },
          },
        },
        ...reviewSchemas(),
      },
    },
  };
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const operation of Object.values(operations) as Operation[]) addCommonResponses(path, operation);
  }
  return document;
}

/** Where a started run's id leads (OpenAPI links): what a client, or a stateful fuzzer, does next. */
function runLinks(): Record<string, unknown> {
  const byId = (operationId: string, description: string) => ({
    operationId,
    description,
    parameters: { id: '$response.body#/id' },
  });
  return {
    GetSpec: byId('getSpec', 'The run just started'),
    GetPhase: byId('getPhase', 'A phase of the run'),
    Decide: byId('decide', 'Decide at its gate'),
    GetTickets: byId('getTickets', 'Its ticket plan, once made'),
    CancelSpec: byId('cancelSpec', 'Cancel it'),
  };
}

interface Operation {
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

/** What any operation may answer besides its own outcomes, so the contract lists every status sent. */
function addCommonResponses(path: string, operation: Operation): void {
  const responses = operation.responses;
  // Every /v1 operation answers 401 when the server checks identities and the caller has none.
  if (path.startsWith('/v1/')) responses['401'] ??= problem;
  // The runs live in Temporal: while it cannot be reached they answer 503 with Retry-After.
  if (path.startsWith('/v1/specs') || path === '/healthz') responses['503'] = unavailable;
  if (operation.requestBody) {
    responses['400'] ??= { ...problem, description: 'The body is not valid JSON, or is incomplete' };
    responses['413'] ??= { ...problem, description: 'The body is larger than 1 MB' };
    responses['415'] ??= { ...problem, description: 'An unsupported Content-Encoding or charset' };
  }
  responses['500'] ??= { ...problem, description: 'An unexpected error; logged, and never detailed here' };
}

/** The create body as zod checks it, with the trimming of `feature` and approver names spelled out. */
function createSpecSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(createSpecBody) as { properties: Record<string, Record<string, unknown>> };
  describeTrimmed(schema.properties.feature);
  describeTrimmed(schema.properties.approvers?.items as Record<string, unknown> | undefined);
  return schema;
}

/** The decision body, with the trimmed names and item comments spelled out. */
function decisionSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(decisionBody) as { properties: Record<string, Record<string, unknown>> };
  describeTrimmed(schema.properties.by);
  const item = (schema.properties.items?.items as { properties?: Record<string, Record<string, unknown>> })?.properties;
  describeTrimmed(item?.id);
  describeTrimmed(item?.comment);
  return schema;
}

/** The amendment body, with the trimmed comment and name spelled out. */
function amendmentSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(amendmentBody) as { properties: Record<string, Record<string, unknown>> };
  describeTrimmed(schema.properties.comment);
  describeTrimmed(schema.properties.by);
  return schema;
}

/** The review shapes, loose where content depends on the phase (src/review/review-types.ts). */
function reviewSchemas(): Record<string, unknown> {
  const item = {
    type: 'object',
    properties: { id: { type: 'string' }, kind: { type: 'string' }, label: { type: 'string' } },
  };
  return {
    PhaseCheck: {
      type: 'object',
      properties: {
        validator: { type: 'string' },
        valid: { type: 'boolean' },
        errors: { type: 'array', items: { type: 'string' } },
      },
    },
    PhaseView: {
      type: 'object',
      properties: {
        specId: { type: 'string' },
        phase: { type: 'string', enum: [...PHASES] },
        revision: { type: 'integer' },
        revisions: { type: 'array', items: { type: 'integer' } },
        current: { type: 'boolean' },
        state: { type: 'string' },
        provider: { type: 'string' },
        model: { type: 'string' },
        summary: { type: 'string' },
        content: { type: 'object', description: 'The structured content, as stored: what an edit replaces' },
        markdown: { type: 'string', description: "The phase's section of the technical spec, as in the pack" },
        quality: { type: 'array', items: { type: 'object' } },
        orphans: { type: 'array', items: { type: 'string' } },
        checks: { type: 'array', items: ref('PhaseCheck') },
        questions: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              question: { type: 'string' },
              suggestedDefault: { type: 'string' },
              answer: { type: ['string', 'null'] },
            },
          },
        },
        items: { type: 'array', items: item },
        files: {
          type: 'array',
          items: { type: 'object', properties: { file: { type: 'string' }, text: { type: 'string' } } },
        },
      },
    },
    PhaseDiff: {
      type: 'object',
      properties: {
        specId: { type: 'string' },
        phase: { type: 'string', enum: [...PHASES] },
        from: { type: 'integer' },
        to: { type: 'integer' },
        added: { type: 'array', items: item },
        removed: { type: 'array', items: item },
        changed: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              ...item.properties,
              fields: {
                type: 'array',
                items: { type: 'object', properties: { path: { type: 'string' }, before: {}, after: {} } },
              },
            },
          },
        },
        lines: {
          type: 'array',
          items: {
            type: 'object',
            properties: { op: { type: 'string', enum: [' ', '+', '-'] }, text: { type: 'string' } },
          },
        },
      },
    },
    ValidEdit: {
      type: 'object',
      properties: { valid: { type: 'boolean', const: true }, checks: { type: 'array', items: ref('PhaseCheck') } },
    },
  };
}
