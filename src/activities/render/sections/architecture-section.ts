import type { Architecture } from '../../phases/architecture/schema';
import { renderArchitectureDiagram } from '../architecture-diagram';
import { markdownTable } from '../markdown-table';
import { markdownBlock } from '../markdown-text';

export function architectureSection(architecture: Architecture, provenance: string): string {
  return [
    markdownBlock(architecture.overview),
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
    markdownBlock(architecture.boundaries),
    '### Communication patterns',
    markdownBlock(architecture.communication),
    markdownTable(
      ['From', 'To', 'Protocol', 'Purpose'],
      architecture.edges.map((edge) => [edge.from, edge.to, edge.protocol, edge.description]),
    ),
    '### Data flow and state',
    markdownBlock(architecture.dataFlow),
    '### Horizontal scaling',
    markdownBlock(architecture.scaling),
    '### Caching strategy',
    markdownBlock(architecture.caching),
    '### Observability',
    markdownBlock(architecture.observability),
  ].join('\n\n');
}
