import { stringify } from 'yaml';
import { renderArchitectureDiagram } from '../activities/render/architecture-diagram';
import { renderOpenApiDocument } from '../activities/render/openapi-document';
import type { PackContents } from '../activities/render/pack-contents';
import { packFiles } from '../activities/render/pack-files';
import { renderRolloutPlan } from '../activities/render/rollout-plan';
import { renderTechnicalSpec } from '../activities/render/technical-spec';
import { renderTestPlan } from '../activities/render/test-plan';
import type { PhaseName } from '../shared/phases';
import { shortLine } from '../shared/short-line';

export interface PackFileRenderer {
  file: string;
  summary: string;
  /** The phase the file renders; unset for the technical spec, which every phase reaches. */
  phase?: PhaseName;
  render(pack: PackContents): string;
}

/**
 * The text files of a pack and the renderers render-pack.ts writes them with, by the phase each
 * needs: what a draft pack and a phase view show, with no validation and no SVG.
 */
export function packFileRenderers(slug: string): PackFileRenderer[] {
  const files = packFiles(slug);
  return [
    { file: files.technicalSpec, summary: 'Technical specification', render: renderTechnicalSpec },
    { file: files.testPlan, summary: 'Test plan', phase: 'testing', render: renderTestPlan },
    { file: files.rolloutPlan, summary: 'Rollout plan', phase: 'rollout', render: renderRolloutPlan },
    {
      file: files.architectureDiagram,
      summary: 'Architecture diagram (Mermaid)',
      phase: 'architecture',
      render: (pack) => renderArchitectureDiagram(pack.phases.architecture!, pack.provenance),
    },
    { file: files.apiSpec, summary: 'OpenAPI 3.1', phase: 'api', render: openApiYaml },
  ];
}

/** The renderers whose files exist for the phases in the pack. */
export function reachedRenderers(slug: string, phases: PhaseName[]): PackFileRenderer[] {
  return phases.length
    ? packFileRenderers(slug).filter((renderer) => !renderer.phase || phases.includes(renderer.phase))
    : [];
}

function openApiYaml(pack: PackContents): string {
  const document = renderOpenApiDocument(
    shortLine(pack.feature, 120),
    pack.phases.api!,
    pack.phases.security,
    pack.provenance,
  );
  return stringify(document, { aliasDuplicateObjects: false });
}
