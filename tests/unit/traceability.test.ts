import { describe, expect, it } from 'vitest';
import type { PhaseContents } from '../../src/activities/phases/phase-contents';
import { orphanRequirements } from '../../src/activities/quality/orphan-requirements';
import { evaluateQuality } from '../../src/activities/quality/quality-criteria';
import { untracedItems } from '../../src/activities/quality/untraced-items';
import { renderTechnicalSpec } from '../../src/activities/render/technical-spec';
import { traceRequirements } from '../../src/activities/render/traceability';
import { planTickets } from '../../src/activities/tickets/plan-tickets';
import { ticketIndexSchema } from '../../src/activities/tickets/ticket-plan-schema';
import { checkReferences } from '../../src/activities/validate/check-references';
import type { PhaseName } from '../../src/shared/phases';
import samples from '../fixtures/sample-requests.json';
import titles from '../fixtures/varied-titles.json';
import { offlinePack, scriptedPack } from '../helpers/in-process-pack';

const packs = { offline: offlinePack, 'scripted model': scriptedPack };

describe('traceability across the sample requests', () => {
  it.each(
    Object.entries(packs).flatMap(([provider, build]) => samples.map((sample) => ({ provider, build, ...sample }))),
  )(
    '$provider: "$feature" leaves no ticket, test case or NFR untraced and fails no criterion',
    ({ build, feature, description }) => {
      const phases = build(feature, description);
      const plan = planTickets('spec-trace-00000001', feature, phases);
      expect(untracedItems(phases, plan)).toEqual({ tickets: [], testCases: [], nonFunctional: [] });
      expect(ticketIndexSchema.safeParse({ target: 'file', plan, created: [] }).error).toBeUndefined();
      expect(traceRequirements(phases).orphans).toEqual([]);
      expect(evaluateQuality(phases).filter((result) => !result.passed)).toEqual([]);
    },
  );
});

describe('traceability across varied feature titles', () => {
  it('leaves nothing untraced in the offline pack of any of them', () => {
    const untraced = titles.map(({ title }) => {
      const phases = offlinePack(title);
      const found = untracedItems(phases, planTickets('spec-trace-00000001', title, phases));
      return {
        title,
        untraced: [...found.tickets, ...found.testCases, ...found.nonFunctional],
        failed: evaluateQuality(phases)
          .filter((result) => !result.passed)
          .map((result) => result.criterion),
      };
    });
    expect(untraced.filter((pack) => pack.untraced.length + pack.failed.length > 0)).toEqual([]);
  });
});

describe('tickets', () => {
  const phases = offlinePack('Export invoices to CSV', 'Finance exports a month of invoices.');
  const tickets = new Map(
    planTickets('spec-trace-00000001', 'Export invoices to CSV', phases).tickets.map((ticket) => [ticket.key, ticket]),
  );
  const ids = (kind: 'security' | 'availability' | 'performance') =>
    phases.requirements.nonFunctional
      .filter(
        (requirement) =>
          requirement.category === kind || (kind === 'performance' && requirement.category === 'throughput'),
      )
      .map((requirement) => requirement.id);

  it('cite, for a migration, the FRs its tables serve', () => {
    const table = phases.database.tables[0]!;
    expect(tickets.get('migration-1')!.requirements).toEqual(table.requirements);
  });

  it('cite, for a security control, the security NFR and its threat', () => {
    expect(tickets.get('security-th-1')!.requirements).toEqual([...ids('security'), 'TH-1']);
  });

  it('cite, for observability, the availability and performance NFRs', () => {
    expect(tickets.get('observability')!.requirements).toEqual(
      expect.arrayContaining([...ids('availability'), ...ids('performance')]),
    );
  });

  it('cite, for the performance, security and chaos suites, what their cases check', () => {
    expect(tickets.get('tests-performance')!.requirements).toEqual(ids('performance'));
    expect(tickets.get('tests-chaos')!.requirements).toEqual(ids('availability'));
    expect(tickets.get('tests-security')!.requirements).toEqual(
      expect.arrayContaining([...ids('security'), ...phases.security.threats.map((threat) => threat.id)]),
    );
  });
});

describe('the traceability matrix', () => {
  it('shows every NFR with the components, controls, rollout checks and tests that meet it', () => {
    const phases = offlinePack('Export invoices to CSV', '');
    const markdown = renderTechnicalSpec({
      specId: 'spec-trace-00000001',
      feature: 'Export invoices to CSV',
      description: '',
      slug: 'export-invoices-to-csv',
      provenance: 'offline',
      phases,
      decisions: [],
    });
    const matrix = markdown.split('## Traceability matrix')[1]!.split('## Decisions')[0]!;
    expect(matrix).toContain('| Requirement | Components | Tables | Endpoints | Controls | Rollout checks | Tests |');
    const security = phases.requirements.nonFunctional.find((requirement) => requirement.category === 'security')!.id;
    const row = matrix.split('\n').find((line) => line.startsWith(`| ${security} |`))!;
    expect(row).toContain('TH-1, TH-2, TH-3, TH-4, TH-5, TH-6');
    expect(row).toContain('alert: Refused logins and 401/403 responses');
    expect(matrix).toContain('Every requirement, functional and non-functional, is traced to design and tests.');
  });
});

describe('the quality gate fails the phase that leaves an item untraced', () => {
  const failing = (phases: PhaseContents, phase: PhaseName) =>
    evaluateQuality(phases, phase).filter((result) => !result.passed);
  const broken = (change: (phases: PhaseContents) => void) => {
    const phases = structuredClone(scriptedPack('Export invoices to CSV', 'Finance exports a month of invoices.'));
    change(phases);
    return phases;
  };

  it.each<[string, PhaseName, (phases: PhaseContents) => void, string]>([
    [
      'a component',
      'architecture',
      (phases) => void (phases.architecture.components[2]!.requirements = []),
      'component database cites no requirement',
    ],
    [
      'a table',
      'database',
      (phases) => void (phases.database.tables[0]!.requirements = []),
      'table export_invoices_to cites no requirement',
    ],
    [
      'an operation',
      'api',
      (phases) => void (phases.api.resources[0]!.operations[0]!.requirements = []),
      'list export-invoices-to cites no requirement',
    ],
    [
      'a test case',
      'testing',
      (phases) => void (phases.testing.cases.find((testCase) => testCase.threats.length)!.requirements = []),
      'test T-7 cites no requirement',
    ],
    [
      'an NFR without a test',
      'testing',
      (phases) =>
        void (phases.testing.cases = phases.testing.cases.filter(
          (testCase) => !testCase.requirements.includes('NFR-3'),
        )),
      'NFR-3 has no test case',
    ],
    [
      'a rollout check',
      'rollout',
      (phases) => void (phases.rollout.featureFlags[0]!.requirements = []),
      'flag export-invoices-to-enabled cites no requirement',
    ],
    [
      'an NFR without a design element',
      'rollout',
      (phases) => {
        phases.rollout.monitoring = phases.rollout.monitoring.filter(
          (signal) => !signal.requirements.includes('NFR-2'),
        );
        phases.architecture.components.forEach(
          (component) => void (component.requirements = component.requirements.filter((id) => id !== 'NFR-2')),
        );
      },
      'NFR-2 has no component, control or rollout check',
    ],
  ])('%s, at the %s phase, with the reason', (_item, phase, change, reason) => {
    const results = failing(broken(change), phase);
    expect(results.flatMap((result) => result.reasons)).toEqual([reason]);
  });

  it('counts what a pack leaves untraced: tickets, test cases and NFRs', () => {
    const phases = broken((each) => {
      each.testing.cases = each.testing.cases.filter((testCase) => !testCase.requirements.includes('NFR-1'));
      each.testing.cases[0]!.requirements = [];
      each.security.threats[0]!.requirements = [];
    });
    const untraced = untracedItems(phases, planTickets('spec-trace-00000001', 'Export invoices to CSV', phases));
    // The control's ticket cites its threat, TH-1, which is neither an FR nor an NFR.
    expect(untraced).toEqual({ tickets: ['security-th-1'], testCases: ['T-1'], nonFunctional: ['NFR-1'] });
  });

  it('shows an NFR as not yet designed only once the rollout, its last chance, is planned', () => {
    const phases = broken((each) => {
      each.rollout.monitoring = each.rollout.monitoring.filter((signal) => !signal.requirements.includes('NFR-2'));
      each.architecture.components.forEach(
        (component) => void (component.requirements = component.requirements.filter((id) => id !== 'NFR-2')),
      );
    });
    const { rollout: _rollout, cost: _cost, ...beforeRollout } = phases;
    expect(orphanRequirements(beforeRollout)).toEqual([]);
    expect(orphanRequirements(phases)).toEqual(['NFR-2']);
  });
});

describe('cited ids exist', () => {
  const phases = scriptedPack('Export invoices to CSV', '');

  it('refuses a test case citing a threat the security phase does not have', () => {
    const testing = structuredClone(phases.testing);
    testing.cases[0]!.threats = ['TH-9'];
    expect(checkReferences('testing', testing, phases)).toEqual(['test T-1 cites TH-9, which is not a threat']);
  });

  it('refuses a control, flag, rollback trigger or alert citing a requirement that does not exist', () => {
    const security = structuredClone(phases.security);
    security.threats[0]!.requirements = ['NFR-9'];
    expect(checkReferences('security', security, phases)).toEqual([
      'threat TH-1 cites NFR-9, which is not a requirement',
    ]);
    const rollout = structuredClone(phases.rollout);
    rollout.featureFlags[0]!.requirements.push('FR-9');
    rollout.rollbackTriggers[0]!.requirements = ['NFR-8'];
    rollout.monitoring[0]!.requirements = ['NFR-7'];
    expect(checkReferences('rollout', rollout, phases)).toEqual([
      `flag ${rollout.featureFlags[0]!.name} cites FR-9, which is not a requirement`,
      'rollback trigger Error rate cites NFR-8, which is not a requirement',
      'alert Error rate cites NFR-7, which is not a requirement',
    ]);
  });
});
