import type { Architecture } from '../phases/architecture/schema';
import { mermaidId, mermaidLabel } from './mermaid-text';

const SHAPES: Record<Architecture['components'][number]['kind'], [string, string]> = {
  client: ['([', '])'],
  service: ['[', ']'],
  store: ['[(', ')]'],
  cache: ['{{', '}}'],
  queue: ['[[', ']]'],
  external: ['>', ']'],
};

/** The architecture as a Mermaid flowchart, rendered from structure so it parses by construction. */
export function renderArchitectureDiagram(architecture: Architecture, note: string): string {
  const lines = [`%% ${mermaidLabel(note)}`, 'flowchart LR'];
  for (const component of architecture.components) {
    const [open, close] = SHAPES[component.kind];
    const label = mermaidLabel(
      `${component.name} (${component.kind})${component.technology ? ` - ${component.technology}` : ''}`,
    );
    lines.push(`  ${mermaidId(component.id)}${open}"${label}"${close}`);
  }
  for (const edge of architecture.edges) {
    // An empty label (`|""|`) does not parse: an edge without a protocol is drawn unlabelled.
    const label = edge.protocol.trim() ? `|"${mermaidLabel(edge.protocol)}"| ` : '';
    lines.push(`  ${mermaidId(edge.from)} -->${label}${mermaidId(edge.to)}`);
  }
  return `${lines.join('\n')}\n`;
}
