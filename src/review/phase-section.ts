import { bulletList } from '../activities/render/markdown-table';
import type { PackContents } from '../activities/render/pack-contents';
import { packFiles } from '../activities/render/pack-files';
import { apiSection } from '../activities/render/sections/api-section';
import { architectureSection } from '../activities/render/sections/architecture-section';
import { costSection } from '../activities/render/sections/cost-section';
import { databaseSection } from '../activities/render/sections/database-section';
import { requirementsSection } from '../activities/render/sections/requirements-section';
import { rolloutSection } from '../activities/render/sections/rollout-section';
import { securitySection } from '../activities/render/sections/security-section';
import { testingSection } from '../activities/render/sections/testing-section';
import { TECHNICAL_SPEC_HEADINGS } from '../activities/render/technical-spec';
import { PHASES, type PhaseName } from '../shared/phases';

/**
 * A phase's section of the technical spec, exactly as renderTechnicalSpec writes it into the pack:
 * heading, body (with its Mermaid blocks) and the reviewer notes. Empty when the pack lacks the phase.
 */
export function renderPhaseSection(pack: PackContents, phase: PhaseName): string {
  const body = sectionBody(pack, phase);
  if (body === undefined) return '';
  const notes = pack.phases[phase]?.reviewerNotes ?? [];
  return [
    `## ${TECHNICAL_SPEC_HEADINGS[PHASES.indexOf(phase)]}`,
    body,
    ...(notes.length ? [`Reviewer notes:\n\n${bulletList(notes)}`] : []),
  ].join('\n\n');
}

function sectionBody({ phases, provenance, slug }: PackContents, phase: PhaseName): string | undefined {
  const files = packFiles(slug);
  switch (phase) {
    case 'requirements':
      return phases.requirements && requirementsSection(phases.requirements);
    case 'architecture':
      return phases.architecture && architectureSection(phases.architecture, provenance);
    case 'database':
      return phases.database && databaseSection(phases.database);
    case 'api':
      return phases.api && apiSection(phases.api, phases.architecture, files.apiSpec);
    case 'security':
      return phases.security && securitySection(phases.security);
    case 'testing':
      return phases.testing && testingSection(phases.testing, files.testPlan);
    case 'rollout':
      return phases.rollout && rolloutSection(phases.rollout, files.rolloutPlan);
    case 'cost':
      return phases.cost && costSection(phases.cost);
  }
}
