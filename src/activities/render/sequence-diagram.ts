import type { Api } from '../phases/api/schema';
import type { Architecture } from '../phases/architecture/schema';
import { mermaidLabel } from './mermaid-text';

/** The main journey (create, then read back) through the architecture as a sequenceDiagram. */
export function renderSequenceDiagram(api: Api, architecture: Architecture | undefined): string {
  const resource = api.resources[0]!;
  const service = architecture?.components.find((component) => component.kind === 'service' && component.requirements.length > 0)
    ?? architecture?.components.find((component) => component.kind === 'service');
  const store = architecture?.components.find((component) => component.kind === 'store');
  const lines = [
    'sequenceDiagram',
    '  actor User',
    '  participant API as API',
    `  participant Service as ${mermaidLabel(service?.name ?? 'Service')}`,
    `  participant Store as ${mermaidLabel(store?.name ?? 'Database')}`,
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
  return lines.join('\n');
}
