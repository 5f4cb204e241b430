import { z } from 'zod';
import { createSpecBody, decisionBody } from './request-schemas';

const problem = { description: 'RFC 9457 problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const json = (description: string, schema: unknown = { type: 'object' }) => ({ description, content: { 'application/json': { schema } } });
const idParameter = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

/** specforge's own HTTP contract, served at GET /openapi.json; bodies come from the zod schemas. */
export function apiDocument(): Record<string, unknown> {
  const document = {
    openapi: '3.1.0',
    info: { title: 'specforge API', version: '1.0.0', description: 'Start, inspect and steer spec runs.', license: { name: 'MIT', identifier: 'MIT' } },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    paths: {
      '/v1/specs': {
        post: { operationId: 'createSpec', summary: 'Start a spec run', requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(createSpecBody) } } }, responses: { '201': json('Started'), '422': problem } },
        get: {
          operationId: 'listSpecs',
          summary: 'List runs from Temporal visibility',
          parameters: [
            { name: 'status', in: 'query', schema: { type: 'string', enum: ['running', 'awaiting_approval', 'completed', 'failed', 'cancelled'] } },
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
            { name: 'cursor', in: 'query', schema: { type: 'string' } },
          ],
          responses: { '200': json('A page of runs'), '422': problem },
        },
      },
      '/v1/specs/{id}': { get: { operationId: 'getSpec', summary: 'Status of one run, open or closed', parameters: [idParameter], responses: { '200': json('The run'), '404': problem } } },
      '/v1/specs/{id}/decisions': {
        post: {
          operationId: 'decide',
          summary: 'Decide on the phase awaiting approval (the decide update)',
          parameters: [idParameter],
          requestBody: { required: true, content: { 'application/json': { schema: z.toJSONSchema(decisionBody) } } },
          responses: { '200': json('What the run does next'), '404': problem, '409': problem, '422': problem, '503': problem },
        },
      },
      '/v1/specs/{id}/artifacts/{file}': {
        get: { operationId: 'getArtifact', summary: 'Download an artifact', parameters: [idParameter, { name: 'file', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': { description: 'The file' }, '404': problem } },
      },
      '/v1/specs/{id}/tickets': { get: { operationId: 'getTickets', summary: 'The ticket plan and the created tickets', parameters: [idParameter], responses: { '200': json('Plan and created tickets'), '404': problem } } },
      '/v1/specs/{id}/cancel': { post: { operationId: 'cancelSpec', summary: 'Cancel a run, keeping approved work', parameters: [idParameter], responses: { '202': json('Cancelling'), '404': problem } } },
      '/healthz': { get: { operationId: 'health', summary: 'Liveness and Temporal reachability', security: [], responses: { '200': json('Healthy'), '503': problem } } },
    },
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'SPECFORGE_API_TOKEN, when the server sets one' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          properties: { type: { type: 'string' }, title: { type: 'string' }, status: { type: 'integer' }, detail: { type: 'string' }, errors: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } } },
        },
      },
    },
  };
  // Every /v1 operation answers 401 when SPECFORGE_API_TOKEN is set and the caller lacks it.
  for (const [path, operations] of Object.entries(document.paths)) {
    if (!path.startsWith('/v1/')) continue;
    for (const operation of Object.values(operations) as { responses: Record<string, unknown> }[]) operation.responses['401'] = problem;
  }
  return document;
}
