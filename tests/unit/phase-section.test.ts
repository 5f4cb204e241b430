import { describe, expect, it } from 'vitest';
import { PHASE_DEFINITIONS } from '../../src/activities/phases/index';
import type { PhaseContents } from '../../src/activities/phases/phase-contents';
import type { PhaseContext, PhaseDefinition } from '../../src/activities/phases/phase-definition';
import type { PackContents } from '../../src/activities/render/pack-contents';
import { renderTechnicalSpec } from '../../src/activities/render/technical-spec';
import { renderPhaseSection } from '../../src/review/phase-section';
import { PHASES } from '../../src/shared/phases';

/** Every phase written by the offline generator, each on the ones before it, with reviewer feedback so notes appear. */
function offlinePack(): PackContents {
  const phases: Partial<PhaseContents> = {};
  for (const phase of PHASES) {
    const definition = PHASE_DEFINITIONS[phase] as PhaseDefinition;
    const context: PhaseContext = {
      specId: 'spec-section-00000001',
      feature: 'Export invoices to CSV',
      description: '',
      revision: 2,
      feedback: ['Name the owner'],
      answers: {},
      earlier: { ...phases },
    };
    const content = definition.offline(context);
    (phases as Record<string, unknown>)[phase] = definition.finalize
      ? definition.finalize(content as never, context)
      : content;
  }
  return {
    specId: 'spec-section-00000001',
    feature: 'Export invoices to CSV',
    description: '',
    slug: 'export-invoices-to-csv',
    provenance: 'Generated offline',
    phases,
    decisions: [],
  };
}

describe('a phase section', () => {
  it('is exactly the section the technical spec of the pack contains, for every phase', () => {
    const pack = offlinePack();
    const spec = renderTechnicalSpec(pack);
    for (const phase of PHASES) {
      const section = renderPhaseSection(pack, phase);
      expect(section.startsWith('## '), phase).toBe(true);
      expect(section, phase).toContain('Reviewer notes:\n\n- Revision 2: Name the owner');
      expect(spec, phase).toContain(`\n\n${section}\n\n## `);
    }
  });

  it('carries its Mermaid diagrams: the architecture flowchart and the API sequence diagram', () => {
    const pack = offlinePack();
    expect(renderPhaseSection(pack, 'architecture')).toMatch(/```mermaid\n%% Generated offline\nflowchart LR/);
    expect(renderPhaseSection(pack, 'api')).toMatch(/```mermaid\nsequenceDiagram/);
  });

  it('is empty for a phase the pack does not have', () => {
    const pack = offlinePack();
    expect(renderPhaseSection({ ...pack, phases: { requirements: pack.phases.requirements } }, 'cost')).toBe('');
  });
});
