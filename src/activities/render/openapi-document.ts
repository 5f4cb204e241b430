import { capitalise, withArticle } from '../../shared/text';
import { singular } from '../llm/offline/noun-forms';
import { operationRoute } from '../phases/api/operation-route';
import type { Api } from '../phases/api/schema';
import type { Security } from '../phases/security/schema';
import { pruneUnusedComponents } from './prune-components';
import { securityScheme } from './security-scheme';

type Resource = Api['resources'][number];
type Operation = Resource['operations'][number];
type ActionOperation = Extract<Operation, { action: string }>;

const ERROR_RESPONSES = {
  '400': 'BadRequest',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '429': 'TooManyRequests',
  '500': 'ServerError',
} as const;

/**
 * OpenAPI 3.1 built from the API phase's resources: paths, parameters, pagination, problem
 * responses and security are code, so every document has them the same way.
 */
export function renderOpenApiDocument(
  title: string,
  api: Api,
  security: Security | undefined,
  note: string,
): Record<string, unknown> {
  const auth = securityScheme(security);
  const schemas: Record<string, unknown> = { Problem: problemSchema() };
  const paths: Record<string, Record<string, unknown>> = {};
  const usedIds = new Set<string>();
  for (const resource of api.resources) {
    Object.assign(schemas, resourceSchemas(resource), jobSchemas(resource));
    for (const operation of resource.operations) {
      const route = operationRoute(resource.name, operation);
      paths[route.path] ??= route.single ? { parameters: [{ $ref: '#/components/parameters/Id' }] } : {};
      paths[route.path]![route.method.toLowerCase()] = {
        operationId: uniqueId(operationId(resource, operation), usedIds),
        summary: operation.summary,
        description: operation.requirements.length ? `Serves ${operation.requirements.join(', ')}.` : operation.summary,
        tags: [resource.name],
        security: [{ [auth.name]: route.method === 'GET' ? auth.scopes.slice(0, 1) : auth.scopes.slice(1) }],
        ...operationShape(resource, operation),
      };
    }
  }
  return pruneUnusedComponents({
    openapi: '3.1.0',
    info: {
      title: `${title} API`,
      version: `${api.version.slice(1)}.0.0`,
      description: note,
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [
      {
        url: `https://api.yourcompany.dev/${api.version}`,
        description: `Production, URL-versioned (${api.version}); breaking changes get a new prefix`,
      },
    ],
    tags: api.resources.map((resource) => ({ name: resource.name, description: resource.description })),
    security: [{ [auth.name]: auth.scopes.slice(0, 1) }],
    paths,
    components: {
      schemas,
      parameters: sharedParameters(),
      headers: sharedHeaders(),
      responses: problemResponses(),
      securitySchemes: { [auth.name]: auth.scheme },
    },
  });
}

function operationShape(resource: Resource, operation: Operation): Record<string, unknown> {
  const schema = { $ref: `#/components/schemas/${resource.schemaName}` };
  const input = { $ref: `#/components/schemas/${resource.schemaName}Input` };
  const errors = Object.fromEntries(
    Object.entries(ERROR_RESPONSES).map(([status, name]) => [status, { $ref: `#/components/responses/${name}` }]),
  );
  const notFound = { '404': { $ref: '#/components/responses/NotFound' } };
  const body = (content: unknown) => ({ required: true, content: { 'application/json': { schema: content } } });
  const ok = (description: string, content?: unknown) => ({
    description,
    headers: rateLimitRefs(),
    ...(content ? { content: { 'application/json': { schema: content } } } : {}),
  });
  switch (operation.kind) {
    case 'list':
      return {
        parameters: ['Limit', 'Cursor', 'Sort', 'Filter'].map((name) => ({ $ref: `#/components/parameters/${name}` })),
        responses: {
          '200': ok('One page of results', { $ref: `#/components/schemas/${resource.schemaName}Page` }),
          ...errors,
        },
      };
    case 'create':
      return {
        parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
        requestBody: body(input),
        responses: { '201': ok('Created', schema), ...errors, '409': { $ref: '#/components/responses/Conflict' } },
      };
    case 'get':
      return { responses: { '200': ok('Found', schema), ...errors, ...notFound } };
    case 'update':
      return {
        requestBody: body(input),
        responses: {
          '200': ok('Updated', schema),
          ...errors,
          ...notFound,
          '409': { $ref: '#/components/responses/Conflict' },
        },
      };
    case 'delete':
      return { responses: { '204': { description: 'Deleted', headers: rateLimitRefs() }, ...errors, ...notFound } };
    case 'start': {
      const job = { $ref: `#/components/schemas/${jobSchemaName(resource, operation)}` };
      const request = { $ref: `#/components/schemas/${jobSchemaName(resource, operation)}Request` };
      return {
        parameters: [{ $ref: '#/components/parameters/IdempotencyKey' }],
        requestBody: { ...body(request), required: operation.inputs.some((input) => input.required) },
        responses: {
          '202': {
            description: 'Accepted: the job is queued; poll the URL in Location for its status and result',
            headers: { Location: { $ref: '#/components/headers/Location' }, ...rateLimitRefs() },
            content: { 'application/json': { schema: job } },
          },
          ...errors,
          '409': { $ref: '#/components/responses/Conflict' },
        },
      };
    }
    case 'poll':
      return {
        responses: {
          '200': ok('The job: its status and, once it has succeeded, its result link', {
            $ref: `#/components/schemas/${jobSchemaName(resource, operation)}`,
          }),
          ...errors,
          ...notFound,
        },
      };
  }
}

/** The schema of an action's job: "exports" on Invoice → InvoiceExport. */
function jobSchemaName(resource: Resource, operation: ActionOperation): string {
  return resource.schemaName + jobWords(operation).split(' ').map(capitalise).join('');
}

/** An action's job in words: "exports" → "export", "billing-runs" → "billing run". */
function jobWords(operation: ActionOperation): string {
  const words = operation.action.split('-');
  words.push(singular(words.pop()!));
  return words.join(' ');
}

/** For each action of the resource: its job as the poll returns it, and what starting one takes. */
function jobSchemas(resource: Resource): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (const operation of resource.operations) {
    if (operation.kind !== 'start' && operation.kind !== 'poll') continue;
    const name = jobSchemaName(resource, operation);
    schemas[name] ??= {
      type: 'object',
      description: `${capitalise(withArticle(jobWords(operation)))} job on ${resource.name}, from queued to succeeded or failed`,
      required: ['id', 'status', 'createdAt'],
      properties: {
        id: { type: 'string', format: 'uuid', readOnly: true },
        status: {
          type: 'string',
          enum: ['queued', 'running', 'succeeded', 'failed'],
          readOnly: true,
          description: 'Where the job is',
        },
        progress: { type: 'integer', minimum: 0, maximum: 100, readOnly: true, description: 'Percent done' },
        resultUrl: {
          type: ['string', 'null'],
          format: 'uri',
          readOnly: true,
          description: 'Where to fetch the result once the job has succeeded',
        },
        error: { type: ['string', 'null'], readOnly: true, description: 'Why the job failed' },
        createdAt: { type: 'string', format: 'date-time', readOnly: true },
        completedAt: { type: ['string', 'null'], format: 'date-time', readOnly: true },
      },
    };
    if (operation.kind === 'start') {
      const inputs = Object.fromEntries(
        operation.inputs.map((input) => [input.name, { type: input.type, description: input.description }]),
      );
      schemas[`${name}Request`] = {
        type: 'object',
        additionalProperties: false,
        required: operation.inputs.filter((input) => input.required).map((input) => input.name),
        properties: inputs,
      };
    }
  }
  return schemas;
}

function resourceSchemas(resource: Resource): Record<string, unknown> {
  const fields = Object.fromEntries(
    resource.fields.map((field) => [field.name, { type: field.type, description: field.description }]),
  );
  const required = resource.fields.filter((field) => field.required).map((field) => field.name);
  return {
    [resource.schemaName]: {
      type: 'object',
      description: resource.description,
      required: ['id', 'createdAt', 'updatedAt', ...required],
      properties: {
        id: { type: 'string', format: 'uuid', readOnly: true },
        ...fields,
        createdAt: { type: 'string', format: 'date-time', readOnly: true },
        updatedAt: { type: 'string', format: 'date-time', readOnly: true },
      },
    },
    [`${resource.schemaName}Input`]: { type: 'object', additionalProperties: false, required, properties: fields },
    [`${resource.schemaName}Page`]: {
      type: 'object',
      required: ['items', 'nextCursor'],
      properties: {
        items: { type: 'array', items: { $ref: `#/components/schemas/${resource.schemaName}` } },
        nextCursor: {
          type: ['string', 'null'],
          description: 'Pass as `cursor` for the next page; null on the last page',
        },
      },
    },
  };
}

function sharedParameters(): Record<string, unknown> {
  return {
    Id: {
      name: 'id',
      in: 'path',
      required: true,
      description: 'Resource id',
      schema: { type: 'string', format: 'uuid' },
    },
    Limit: {
      name: 'limit',
      in: 'query',
      description: 'Page size',
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    },
    Cursor: {
      name: 'cursor',
      in: 'query',
      description: 'Opaque cursor from the previous page',
      schema: { type: 'string' },
    },
    Sort: {
      name: 'sort',
      in: 'query',
      description: 'Field to sort by; prefix with - for descending',
      schema: { type: 'string', default: '-createdAt' },
    },
    Filter: {
      name: 'filter',
      in: 'query',
      description: 'Filters as field=value pairs, e.g. filter[status]=active',
      style: 'deepObject',
      explode: true,
      schema: { type: 'object', additionalProperties: { type: 'string' } },
    },
    IdempotencyKey: {
      name: 'Idempotency-Key',
      in: 'header',
      description: 'Makes a retried create return the first result',
      schema: { type: 'string', maxLength: 128 },
    },
  };
}

/** Rate-limit headers on every response, Retry-After on 429, Location on a started job. */
function sharedHeaders(): Record<string, unknown> {
  return {
    RateLimitLimit: { description: 'Requests allowed in the window', schema: { type: 'integer' } },
    RateLimitRemaining: { description: 'Requests left in the window', schema: { type: 'integer' } },
    RateLimitReset: { description: 'Seconds until the window resets', schema: { type: 'integer' } },
    RetryAfter: { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
    Location: {
      description: 'The started job, to poll for its status and result',
      schema: { type: 'string', format: 'uri-reference' },
    },
  };
}

function rateLimitRefs(): Record<string, unknown> {
  return {
    'RateLimit-Limit': { $ref: '#/components/headers/RateLimitLimit' },
    'RateLimit-Remaining': { $ref: '#/components/headers/RateLimitRemaining' },
    'RateLimit-Reset': { $ref: '#/components/headers/RateLimitReset' },
  };
}

function problemResponses(): Record<string, unknown> {
  const problem = (description: string, headers?: Record<string, unknown>) => ({
    description,
    ...(headers ? { headers } : {}),
    content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  return {
    BadRequest: problem('The request is invalid; `errors` names each bad field'),
    Unauthorized: problem('Missing or invalid credentials'),
    Forbidden: problem('The caller may not do this'),
    NotFound: problem('No such resource, or the caller may not see it'),
    Conflict: problem('The resource changed or already exists'),
    TooManyRequests: problem('Rate limit exceeded', {
      'Retry-After': { $ref: '#/components/headers/RetryAfter' },
      ...rateLimitRefs(),
    }),
    ServerError: problem('Unexpected error; safe to retry idempotent requests'),
  };
}

function problemSchema(): Record<string, unknown> {
  return {
    type: 'object',
    description: 'RFC 9457 problem details',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string', format: 'uri-reference' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      instance: { type: 'string' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'message'],
          properties: { field: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
  };
}

function operationId(resource: Resource, operation: Operation): string {
  if (operation.kind === 'start') return `start${jobSchemaName(resource, operation)}`;
  if (operation.kind === 'poll') return `get${jobSchemaName(resource, operation)}`;
  const words = resource.name.split('-').map((word) => word[0]!.toUpperCase() + word.slice(1));
  const name = operation.kind === 'list' ? words.join('') : resource.schemaName;
  return `${operation.kind}${name}`;
}

function uniqueId(id: string, used: Set<string>): string {
  let candidate = id;
  for (let suffix = 2; used.has(candidate); suffix += 1) candidate = `${id}${suffix}`;
  used.add(candidate);
  return candidate;
}
