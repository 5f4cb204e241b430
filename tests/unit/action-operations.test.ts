import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { apiSchema } from '../../src/activities/phases/api/schema';
import { renderOpenApiDocument } from '../../src/activities/render/openapi-document';
import { apiSection } from '../../src/activities/render/sections/api-section';
import { renderSequenceDiagram } from '../../src/activities/render/sequence-diagram';
import { planTickets } from '../../src/activities/tickets/plan-tickets';
import { lintOpenApi } from '../../src/activities/validate/redocly-lint';
import { validateOpenApi } from '../../src/activities/validate/validate-openapi';
import { validatePhase } from '../../src/activities/validate/validate-phase';
import { phaseItems } from '../../src/review/phase-items';
import { operationsTable } from '../../src/web/sections/operations-table';
import { offlinePack as offlinePhases } from '../helpers/in-process-pack';

type Paths = Record<
  string,
  Record<
    string,
    {
      operationId: string;
      requestBody?: { content: Record<string, { schema: { $ref: string } }> };
      responses: Record<
        string,
        { headers?: Record<string, unknown>; content?: Record<string, { schema: { $ref: string } }>; $ref?: string }
      >;
    }
  >
>;

describe('a verb-led feature: "Let customers export invoices as CSV"', () => {
  const phases = offlinePhases('Let customers export invoices as CSV');
  const jobRequirement = phases.requirements.functional.find((requirement) => /background job/.test(requirement.text))!;
  const document = renderOpenApiDocument(
    'Let customers export invoices as CSV',
    phases.api,
    phases.security,
    'offline',
  );
  const paths = document.paths as Paths;
  const schemas = (
    document.components as {
      schemas: Record<
        string,
        { required?: string[]; properties: Record<string, { enum?: string[]; description?: string }> }
      >;
    }
  ).schemas;

  it('names the export as a requirement of its own: a background job customers start and follow', () => {
    expect(jobRequirement.text).toBe(
      'An export of invoices runs as a background job: customers start it, follow its status and get its result',
    );
  });

  it('keeps the CRUD of invoices and adds POST /invoices/exports to start a job and GET /invoices/exports/{id} to poll it', () => {
    expect(Object.keys(paths)).toEqual([
      '/invoices',
      '/invoices/{id}',
      '/invoices/exports',
      '/invoices/exports/{id}',
      '/audit-events',
    ]);
    expect(Object.keys(paths['/invoices/exports']!)).toEqual(['post']);
    expect(Object.keys(paths['/invoices/exports/{id}']!)).toEqual(['parameters', 'get']);
  });

  it('answers the start with 202, a Location to poll and the job, after taking the format to export to', () => {
    const start = paths['/invoices/exports']!.post!;
    expect(start.operationId).toBe('startInvoiceExport');
    expect(start.responses['202']!.headers).toHaveProperty('Location', { $ref: '#/components/headers/Location' });
    expect(start.responses['202']!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/InvoiceExport',
    });
    expect(start.requestBody!.content['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/InvoiceExportRequest',
    });
    expect(schemas.InvoiceExportRequest).toMatchObject({
      required: ['format'],
      properties: { format: { description: 'File format of the result, such as CSV' } },
    });
  });

  it('polls the job for its status and, once it has succeeded, its result link', () => {
    const poll = paths['/invoices/exports/{id}']!.get!;
    expect(poll.operationId).toBe('getInvoiceExport');
    expect(poll.responses['200']!.content!['application/json']!.schema).toEqual({
      $ref: '#/components/schemas/InvoiceExport',
    });
    expect(poll.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(schemas.InvoiceExport!.properties.status!.enum).toEqual(['queued', 'running', 'succeeded', 'failed']);
    expect(schemas.InvoiceExport!.properties).toHaveProperty('resultUrl');
  });

  it('traces the start to the feature and the job, and the poll to the job', () => {
    const operations = phases.api.resources[0]!.operations;
    expect(operations.find((operation) => operation.kind === 'start')!.requirements).toEqual([
      'FR-1',
      jobRequirement.id,
    ]);
    expect(operations.find((operation) => operation.kind === 'poll')!.requirements).toEqual([jobRequirement.id]);
  });

  it('renders an OpenAPI document that swagger-parser accepts and Redocly lints without an error or a warning', async () => {
    expect(await validateOpenApi(document)).toMatchObject({ valid: true });
    const lint = await lintOpenApi(stringify(document, { aliasDuplicateObjects: false }));
    expect({ errors: lint.errors, warnings: lint.warnings }).toEqual({ errors: [], warnings: [] });
  });

  it('shows the job in the main journey: started with 202 through the queue, then polled', () => {
    const diagram = renderSequenceDiagram(phases.api, phases.architecture);
    expect(diagram).toContain('  User->>API: POST /invoices/exports\n');
    expect(diagram).toContain('  API-->>User: 202 with Location of the job\n');
    expect(diagram).toMatch(/participant Queue as .+\n/);
    expect(diagram).toContain('  User->>API: GET /invoices/exports/{id}\n');
  });

  it('lists both operations in the API section, the phase items and the review page', () => {
    const section = apiSection(phases.api, phases.architecture, 'api_spec.yaml');
    expect(section).toContain('| POST /v1/invoices/exports | Export invoices: starts an export job | FR-1, FR-5 |');
    expect(section).toContain(
      '| GET /v1/invoices/exports/{id} | Get an export job: its status and result link | FR-5 |',
    );
    const items = phaseItems('api', phases.api).filter((item) => item.kind === 'operation');
    expect(items.map((item) => item.id)).toEqual(
      expect.arrayContaining(['POST /v1/invoices/exports', 'GET /v1/invoices/exports/{id}']),
    );
    expect(items.find((item) => item.id === 'POST /v1/invoices/exports')!.label).toBe(
      'startInvoiceExport: Export invoices: starts an export job',
    );
    expect(String(operationsTable(phases.api))).toContain('<code>/v1/invoices/exports/{id}</code>');
  });

  it('puts the job in the endpoints ticket of invoices, with the requirement it serves', () => {
    const ticket = planTickets('spec-actions-00000001', 'Let customers export invoices as CSV', phases).tickets.find(
      (planned) => planned.key === 'endpoints-invoices',
    )!;
    expect(ticket.description).toContain('start: Export invoices: starts an export job');
    expect(ticket.description).toContain('poll: Get an export job: its status and result link');
    expect(ticket.requirements).toContain(jobRequirement.id);
  });

  it('passes every check of the api phase', async () => {
    const { api, ...earlier } = phases;
    expect((await validatePhase('api', api, earlier)).filter((check) => !check.valid)).toEqual([]);
  });
});

describe('what a job asks for to start, by the verb', () => {
  it.each([
    ['Schedule quarterly board reports', 'report', 'schedules', ['runAt']],
    ['Let suppliers import price lists as XLSX', 'price-list', 'imports', ['sourceUrl']],
    ['Send overdue notices to tenants', 'notice', 'deliveries', ['channel']],
    ['Generate payout statements for drivers', 'statement', 'generations', ['period']],
  ])('"%s" starts %s %s with %j', (feature, _entity, action, required) => {
    const { api } = offlinePhases(feature);
    const start = api.resources[0]!.operations.find((operation) => operation.kind === 'start');
    expect(start).toMatchObject({ action });
    expect(
      start && 'inputs' in start ? start.inputs.filter((input) => input.required).map((input) => input.name) : [],
    ).toEqual(required);
  });
});

describe('features that start no job', () => {
  it.each(['Order tracking map for couriers', 'Let members rename their folders', 'Add a public status page'])(
    '"%s" gets CRUD only',
    (feature) => {
      const { api } = offlinePhases(feature);
      expect(api.resources.flatMap((resource) => resource.operations.map((operation) => operation.kind))).toEqual([
        'list',
        'create',
        'get',
        'update',
        'delete',
        'list',
      ]);
    },
  );
});

describe('action operations a model writes', () => {
  const base = offlinePhases('Let customers export invoices as CSV');

  it('are accepted by the schema and rendered, whatever the action is called', async () => {
    const api = structuredClone(base.api);
    api.resources[0]!.operations.push(
      {
        kind: 'start',
        action: 'credit-note-runs',
        summary: 'Start a credit note run',
        inputs: [],
        requirements: ['FR-1'],
      },
      { kind: 'poll', action: 'credit-note-runs', summary: 'Get a credit note run', requirements: ['FR-1'] },
    );
    expect(apiSchema.safeParse(api).success).toBe(true);
    const document = renderOpenApiDocument('model', api, base.security, 'model');
    expect(Object.keys(document.paths as object)).toEqual(
      expect.arrayContaining(['/invoices/credit-note-runs', '/invoices/credit-note-runs/{id}']),
    );
    expect((document.paths as Paths)['/invoices/credit-note-runs']!.post!.operationId).toBe(
      'startInvoiceCreditNoteRun',
    );
    const { api: _api, ...earlier } = base;
    expect((await validatePhase('api', api, earlier)).filter((check) => !check.valid)).toEqual([]);
  });

  it('are refused when the action is not a kebab-case path segment or is missing', () => {
    const named = (action: unknown) => {
      const api = structuredClone(base.api) as unknown as { resources: { operations: Record<string, unknown>[] }[] };
      api.resources[0]!.operations.push({ kind: 'poll', action, summary: 'Get a job', requirements: [] });
      return apiSchema.safeParse(api);
    };
    expect(named('exports').success).toBe(true);
    for (const action of ['Exports', 'exports/{id}', '../admin', '', undefined]) {
      const parsed = named(action);
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues.map((issue) => issue.path.join('.'))).toEqual([
        expect.stringMatching(
          new RegExp(`^resources\\.0\\.operations\\.${base.api.resources[0]!.operations.length}(\\.action)?$`),
        ),
      ]);
    }
  });
});
