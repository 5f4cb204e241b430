import { type ApiOperation, operationRoute } from '../phases/api/operation-route';
import type { Api } from '../phases/api/schema';
import type { Architecture } from '../phases/architecture/schema';
import { mermaidLabel } from './mermaid-text';

type Resource = Api['resources'][number];

/**
 * The main journey through the architecture as a sequenceDiagram: create a record and read it
 * back, then, for each action the feature names, start its job and poll it.
 */
export function renderSequenceDiagram(api: Api, architecture: Architecture | undefined): string {
  const resource = api.resources[0]!;
  const service =
    architecture?.components.find((component) => component.kind === 'service' && component.requirements.length > 0) ??
    architecture?.components.find((component) => component.kind === 'service');
  const store = architecture?.components.find((component) => component.kind === 'store');
  const queue = architecture?.components.find((component) => component.kind === 'queue');
  const starts = resource.operations.filter((operation) => operation.kind === 'start');
  const lines = [
    'sequenceDiagram',
    '  actor User',
    '  participant API as API',
    `  participant Service as ${mermaidLabel(service?.name ?? 'Service')}`,
    ...(starts.length ? [`  participant Queue as ${mermaidLabel(queue?.name ?? 'Job queue')}`] : []),
    `  participant Store as ${mermaidLabel(store?.name ?? 'Database')}`,
    ...createAndRead(resource),
    ...starts.flatMap((start) => startAndPoll(resource, start)),
  ];
  return lines.join('\n');
}

function createAndRead(resource: Resource): string[] {
  return [
    `  User->>API: POST /${resource.name}`,
    '  API->>Service: authenticated request',
    '  Service->>Store: insert in one transaction',
    '  Store-->>Service: stored',
    '  Service-->>API: 201 Created',
    '  API-->>User: 201 with Location',
    `  User->>API: GET /${resource.name}/{id}`,
    '  API->>Service: read',
    '  Service-->>API: 200',
    '  API-->>User: 200',
  ];
}

/** The job of one action: 202 at once, the work off the request path, and polls until the result link is there. */
function startAndPoll(resource: Resource, start: ApiOperation): string[] {
  const started = operationRoute(resource.name, start);
  const poll = resource.operations.find(
    (operation) => operation.kind === 'poll' && 'action' in start && operation.action === start.action,
  );
  return [
    `  User->>API: ${started.method} ${started.path}`,
    '  API->>Service: authenticated request',
    '  Service->>Store: record the job as queued',
    '  Service->>Queue: enqueue the job',
    '  Service-->>API: 202 Accepted',
    '  API-->>User: 202 with Location of the job',
    '  Queue->>Service: run the job',
    '  Service->>Store: save the result, mark the job succeeded',
    ...(poll
      ? [
          `  User->>API: GET ${operationRoute(resource.name, poll).path}`,
          '  API->>Service: read the job',
          '  Service-->>API: 200 with status and result link',
          '  API-->>User: 200 with status and result link',
        ]
      : []),
  ];
}
