import { stringify } from 'yaml';
import type { PhaseName } from '../../shared/phases';
import type { PhaseContents } from '../phases/phase-contents';
import { renderArchitectureDiagram } from '../render/architecture-diagram';
import { renderEntityDiagram } from '../render/entity-diagram';
import { renderOpenApiDocument } from '../render/openapi-document';
import { renderSequenceDiagram } from '../render/sequence-diagram';
import { checkReferences } from './check-references';
import { parseMermaid } from './mermaid-parse';
import { lintOpenApi } from './redocly-lint';
import { validateOpenApi } from './validate-openapi';

/**
 * What construction cannot guarantee, checked before a person sees the phase: cited ids exist,
 * and what this phase renders to parses and lints. Each error names where it is.
 */
export async function validatePhase(phase: PhaseName, content: unknown, earlier: Partial<PhaseContents>): Promise<string[]> {
  const errors = checkReferences(phase, content, earlier);
  const phases = { ...earlier, [phase]: content } as Partial<PhaseContents>;
  const diagrams: { name: string; text: string }[] = [];
  if (phase === 'architecture') diagrams.push({ name: 'architecture flowchart', text: renderArchitectureDiagram(phases.architecture!, 'check') });
  if (phase === 'database') diagrams.push({ name: 'erDiagram', text: renderEntityDiagram(phases.database!) });
  if (phase === 'api') {
    diagrams.push({ name: 'sequenceDiagram', text: renderSequenceDiagram(phases.api!, phases.architecture) });
    const document = renderOpenApiDocument('check', phases.api!, phases.security, 'check');
    const schema = await validateOpenApi(document);
    const lint = await lintOpenApi(stringify(document, { aliasDuplicateObjects: false }));
    errors.push(...schema.errors.map((error) => `OpenAPI: ${error}`), ...lint.errors.map((error) => `OpenAPI lint: ${error}`));
  }
  if (diagrams.length) errors.push(...(await parseMermaid(diagrams)).errors);
  return errors;
}
