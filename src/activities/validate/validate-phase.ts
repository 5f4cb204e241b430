import { stringify } from 'yaml';
import type { PhaseCheck } from '../../review/review-types';
import { PHASES, type PhaseName } from '../../shared/phases';
import { declaredInputs } from '../phases/declared-inputs';
import type { PhaseContents } from '../phases/phase-contents';
import { renderArchitectureDiagram } from '../render/architecture-diagram';
import { renderEntityDiagram } from '../render/entity-diagram';
import { renderOpenApiDocument } from '../render/openapi-document';
import { renderSequenceDiagram } from '../render/sequence-diagram';
import { checkReferences } from './check-references';
import { parseMermaid } from './mermaid-parse';
import { lintOpenApi } from './redocly-lint';
import { validateOpenApi } from './validate-openapi';

/** The phases whose content cites ids (FR-n, tables) that must exist. */
const CITING_PHASES: readonly PhaseName[] = PHASES.filter((phase) => phase !== 'cost');
export const REFERENCES_VALIDATOR = 'cited ids exist';
export const SCHEMA_VALIDATOR = 'schema';

/**
 * What construction cannot guarantee, checked before a person sees the phase: cited ids exist,
 * and what this phase renders to parses and lints. One result per validator that applies to the
 * phase, passed or not, so a reviewer sees what was checked; each error names where it is.
 */
export async function validatePhase(
  phase: PhaseName,
  content: unknown,
  handed: Partial<PhaseContents>,
): Promise<PhaseCheck[]> {
  // The phase's declared inputs only: a check never depends on a phase the phase does not build on.
  const earlier = declaredInputs(phase, handed);
  const phases = { ...earlier, [phase]: content } as Partial<PhaseContents>;
  const checks: PhaseCheck[] = [];
  if (CITING_PHASES.includes(phase))
    checks.push(result(REFERENCES_VALIDATOR, checkReferences(phase, content, earlier)));
  const diagrams = diagramsOf(phase, phases);
  if (diagrams.length) checks.push(await parseMermaid(diagrams));
  if (phase === 'api') {
    const document = renderOpenApiDocument('check', phases.api!, phases.security, 'check');
    const { warnings: _warnings, ...lint } = await lintOpenApi(stringify(document, { aliasDuplicateObjects: false }));
    checks.push(await validateOpenApi(document), lint);
  }
  return checks;
}

/** The errors of every check as one list, each led by its validator: what the repair loop sends back. */
export function checkErrors(checks: PhaseCheck[]): string[] {
  return checks.flatMap((check) => check.errors.map((error) => `${check.validator}: ${error}`));
}

/** The phase's zod schema as a check: every stored revision passed it; a refused edit did not. */
export function schemaCheck(errors: string[]): PhaseCheck {
  return result(SCHEMA_VALIDATOR, errors);
}

function diagramsOf(phase: PhaseName, phases: Partial<PhaseContents>): { name: string; text: string }[] {
  switch (phase) {
    case 'architecture':
      return [{ name: 'architecture flowchart', text: renderArchitectureDiagram(phases.architecture!, 'check') }];
    case 'database':
      return [{ name: 'erDiagram', text: renderEntityDiagram(phases.database!) }];
    case 'api':
      return [{ name: 'sequenceDiagram', text: renderSequenceDiagram(phases.api!, phases.architecture) }];
    default:
      return [];
  }
}

function result(validator: string, errors: string[]): PhaseCheck {
  return { validator, valid: errors.length === 0, errors };
}
