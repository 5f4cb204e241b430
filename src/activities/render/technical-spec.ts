import { PHASES } from '../../shared/phases';
import { bulletList, markdownTable } from './markdown-table';
import { NOT_REACHED, type PackContents } from './pack-contents';
import { packFiles } from './pack-files';
import { apiSection } from './sections/api-section';
import { architectureSection } from './sections/architecture-section';
import { costSection } from './sections/cost-section';
import { databaseSection } from './sections/database-section';
import { requirementsSection } from './sections/requirements-section';
import { rolloutSection } from './sections/rollout-section';
import { securitySection } from './sections/security-section';
import { testingSection } from './sections/testing-section';
import { traceRequirements } from './traceability';
import { markdownBlock, markdownInline } from './markdown-text';
import { renderChangelog } from './changelog';

/**
 * The headings every technical spec has, in this order; the validator checks for them. A
 * "Changelog" follows them only in a pack that a reopen or an amendment changed.
 */
export const TECHNICAL_SPEC_HEADINGS = [
  '1. Requirements',
  '2. Architecture',
  '3. Database',
  '4. API',
  '5. Security',
  '6. Testing',
  '7. Rollout',
  '8. Cost',
  'Traceability matrix',
  'Decisions',
] as const;

export function renderTechnicalSpec(pack: PackContents): string {
  const { phases } = pack;
  const files = packFiles(pack.slug);
  const bodies = [
    phases.requirements && requirementsSection(phases.requirements),
    phases.architecture && architectureSection(phases.architecture, pack.provenance),
    phases.database && databaseSection(phases.database),
    phases.api && apiSection(phases.api, phases.architecture, files.apiSpec),
    phases.security && securitySection(phases.security),
    phases.testing && testingSection(phases.testing, files.testPlan),
    phases.rollout && rolloutSection(phases.rollout, files.rolloutPlan),
    phases.cost && costSection(phases.cost),
  ];
  const trace = traceRequirements(phases);
  const changelog = renderChangelog(pack);
  const decisions = pack.decisions.map((decision) => [
    decision.at,
    decision.phase,
    decision.action,
    decision.by,
    decision.outcome,
    decision.comment ?? '',
  ]);
  return (
    [
      `# Technical specification: ${markdownInline(pack.feature)}`,
      `> ${pack.provenance}`,
      `Spec run \`${pack.specId}\`.${pack.description ? `\n\n${markdownBlock(pack.description)}` : ''}`,
      ...bodies.flatMap((body, index) => {
        const notes = phases[PHASES[index]!]?.reviewerNotes ?? [];
        // How each round of review changed the phase, so reviewers see their feedback applied.
        return [
          `## ${TECHNICAL_SPEC_HEADINGS[index]}`,
          body ?? NOT_REACHED,
          ...(notes.length ? [`Reviewer notes:\n\n${bulletList(notes)}`] : []),
        ];
      }),
      `## ${TECHNICAL_SPEC_HEADINGS[8]}`,
      markdownTable(
        ['Requirement', 'Components', 'Tables', 'Endpoints', 'Controls', 'Rollout checks', 'Tests'],
        trace.rows.map((row) => [
          row.requirement,
          ...[row.components, row.tables, row.endpoints, row.controls, row.rolloutChecks, row.tests].map((items) =>
            items.join(', '),
          ),
        ]),
      ),
      trace.orphans.length
        ? `Not yet traced to design and tests: ${trace.orphans.join(', ')}.`
        : 'Every requirement, functional and non-functional, is traced to design and tests.',
      `## ${TECHNICAL_SPEC_HEADINGS[9]}`,
      decisions.length
        ? markdownTable(['When', 'Phase', 'Action', 'By', 'Outcome', 'Comment'], decisions)
        : 'No gates in this run (unattended).',
      ...(changelog ? [changelog] : []),
    ].join('\n\n') + '\n'
  );
}
