import type { ValidationResult } from './validation-result';
import { checkHeadings } from './markdown-headings';
import { mermaidBlocks, parseMermaid } from './mermaid-parse';
import { lintOpenApi } from './redocly-lint';
import { validateOpenApi } from './validate-openapi';
import { TECHNICAL_SPEC_HEADINGS } from '../render/technical-spec';
import { TEST_PLAN_HEADINGS } from '../render/test-plan';
import { ROLLOUT_PLAN_HEADINGS } from '../render/rollout-plan';

export interface PackTexts {
  technicalSpec: string;
  testPlan: string;
  rolloutPlan: string;
  architectureDiagram?: string;
  openApi?: { document: Record<string, unknown>; yaml: string };
}

/** Every machine check of the final pack; the report carries each result. */
export async function validatePack(pack: PackTexts): Promise<ValidationResult[]> {
  const results: ValidationResult[] = [];
  if (pack.openApi) results.push(await validateOpenApi(pack.openApi.document), await lintOpenApi(pack.openApi.yaml));
  const diagrams = [
    ...(pack.architectureDiagram ? [{ name: 'architecture_diagram', text: pack.architectureDiagram }] : []),
    ...mermaidBlocks(pack.technicalSpec).map((text, index) => ({ name: `technical spec diagram ${index + 1}`, text })),
  ];
  results.push(await parseMermaid(diagrams));
  results.push(
    checkHeadings('technical spec', pack.technicalSpec, TECHNICAL_SPEC_HEADINGS),
    checkHeadings(
      'test plan',
      pack.testPlan,
      pack.testPlan.includes('_Not part of this pack') ? [] : Object.values(TEST_PLAN_HEADINGS),
    ),
    checkHeadings(
      'rollout plan',
      pack.rolloutPlan,
      pack.rolloutPlan.includes('_Not part of this pack') ? [] : ROLLOUT_PLAN_HEADINGS,
    ),
  );
  return results;
}
