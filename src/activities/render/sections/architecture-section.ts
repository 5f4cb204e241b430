import type { Architecture } from '../../phases/architecture/schema';
import { renderArchitectureDiagram } from '../architecture-diagram';
import { markdownTable } from '../markdown-table';

export function architectureSection(architecture: Architecture, provenance: string): string {
  return [
    architecture.overview,
    '```mermaid\n' + renderArchitectureDiagram(architecture, provenance) + '```',
    '### Components',
    markdownTable(
      ['Id', 'Component', 'Kind', 'Technology', 'Responsibility', 'Requirements'],
      architecture.components.map((component) => [
        component.id,
        component.name,
        component.kind,
        component.technology,
        component.responsibility,
        component.requirements.join(', '),
      ]),
    ),
    '### Microservice boundaries',
    architecture.boundaries,
    '### Communication patterns',
    architecture.communication,
    markdownTable(
      ['From', 'To', 'Protocol', 'Purpose'],
      architecture.edges.map((edge) => [edge.from, edge.to, edge.protocol, edge.description]),
    ),
    '### Data flow and state',
    architecture.dataFlow,
    '### Horizontal scaling',
    architecture.scaling,
    '### Caching strategy',
    architecture.caching,
    '### Observability',
    architecture.observability,
  ].join('\n\n');
}
