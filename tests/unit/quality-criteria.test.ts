import { describe, expect, it } from 'vitest';
import type { PhaseContents } from '../../src/activities/phases/phase-contents';
import { offlineRequirements } from '../../src/activities/phases/requirements/offline';
import { evaluateQuality } from '../../src/activities/quality/quality-criteria';
import type { PhaseName } from '../../src/shared/phases';
import { scriptedPack } from '../helpers/in-process-pack';

const FEATURE = 'Export invoices to CSV';
const DESCRIPTION =
  'Finance exports a month of invoices. Large exports run in the background and email a download link.';

/** The scripted model's pack for the request, changed by `change`: a pack that meets every criterion, then breaks one. */
function pack(change: (phases: PhaseContents) => void = () => {}): PhaseContents {
  const phases = structuredClone(scriptedPack(FEATURE, DESCRIPTION));
  change(phases);
  return phases;
}

/** What the named criterion finds short in the pack; passes when empty. */
function reasons(phases: PhaseContents, criterion: string): string[] {
  const result = evaluateQuality(phases).find((each) => each.criterion === criterion);
  if (!result) throw new Error(`no criterion "${criterion}"`);
  return result.reasons;
}

const nfr = (phases: PhaseContents, pattern: RegExp) =>
  phases.requirements.nonFunctional.find((requirement) => pattern.test(requirement.text))!;

describe('the quality gate', () => {
  it('passes a pack that meets every criterion, judging each at its own phase', () => {
    const results = evaluateQuality(pack());
    expect(results.filter((result) => !result.passed)).toEqual([]);
    expect(new Set(results.map((result) => result.phase))).toEqual(
      new Set<PhaseName>(['requirements', 'architecture', 'database', 'api', 'security', 'testing', 'rollout', 'cost']),
    );
  });
});

describe('edge cases, judged on what they say', () => {
  const criterion = 'edge cases for every user story';

  it('fails a story whose edge cases name neither its actor nor its resource', () => {
    const phases = pack(({ requirements }) => {
      requirements.userStories[0]!.edgeCases = [
        'The request is sent twice at once',
        'Input is over the size limit',
        'The database times out',
        'Someone without access tries it',
      ];
    });
    expect(reasons(phases, criterion)).toEqual(
      expect.arrayContaining([
        'US-1: "The request is sent twice at once" names neither the story\'s actor nor its resource',
      ]),
    );
  });

  it('fails two stories that share one list, even when only the ids in it differ', () => {
    const phases = pack(({ requirements }) => {
      const [first, second] = requirements.userStories;
      first!.edgeCases = [
        'FR-1 invoices are exported twice at the same moment',
        'FR-1 invoices over the size limit',
        'The store times out while FR-1 invoices export',
        'A user without access exports FR-1 invoices',
      ];
      second!.edgeCases = first!.edgeCases.map((edgeCase) => edgeCase.replace('FR-1', 'FR-2'));
    });
    expect(reasons(phases, criterion)).toContain('US-1, US-2 share the same edge cases');
  });

  it('fails a story that covers fewer than four kinds of case, and names the kinds it could add', () => {
    const phases = pack(({ requirements }) => {
      requirements.userStories[1]!.edgeCases = [
        'Finance exports the same month twice',
        'Two finance users export invoices at the same moment',
        'A retry of the export after a timeout of the client',
      ];
    });
    const found = reasons(phases, criterion).find((reason) => reason.startsWith('US-2 covers'));
    expect(found).toMatch(
      /^US-2 covers 2 kinds of edge case \(duplicates and concurrency, a dependency failing or timing out\); add 2 of: limits and sizes, authorization, hostile input, time and expiry, data lifecycle$/,
    );
  });

  it('fails a story with no edge cases', () => {
    expect(
      reasons(
        pack(({ requirements }) => void (requirements.userStories[0]!.edgeCases = [])),
        criterion,
      ),
    ).toContain('US-1 has no edge cases');
  });

  it.each([
    ['Export invoices to CSV', 'Finance exports a month of invoices.'],
    ['Add passwordless login with magic links', ''],
    ['Let admins approve refund requests over 500 EUR', 'Refunds above the limit wait for a second approver.'],
    ['Schedule recurring report emails', ''],
  ])(
    'passes the offline edge cases of "%s": own names, a different list per story, five kinds each',
    (feature, description) => {
      const requirements = offlineRequirements({
        specId: 's',
        feature,
        description,
        revision: 1,
        feedback: [],
        answers: {},
        earlier: {},
      });
      expect(
        evaluateQuality({ requirements }, 'requirements').find((result) => result.criterion === criterion),
      ).toMatchObject({ passed: true, reasons: [] });
    },
  );
});

describe('performance requirements', () => {
  it('fails a performance requirement without a number', () => {
    const phases = pack((each) => void (nfr(each, /latency/).text = 'Reads feel fast to users'));
    expect(reasons(phases, 'performance requirements with numbers')).toEqual([
      'no latency percentile with a number (e.g. "p95 under 300 ms")',
      'NFR-1 (performance) has no number',
    ]);
  });

  it('fails a performance requirement no performance test case checks', () => {
    const phases = pack((each) => {
      const latency = nfr(each, /latency/).id;
      each.testing.cases = each.testing.cases.filter((testCase) => !testCase.requirements.includes(latency));
    });
    expect(reasons(phases, 'performance requirements checked by tests')).toEqual([
      'NFR-1 is checked by no performance test case',
    ]);
  });

  it('fails a performance test case that states no number to hold', () => {
    const phases = pack((each) => {
      const check = each.testing.cases.find((testCase) => testCase.requirements.includes(nfr(each, /per second/).id))!;
      Object.assign(check, { steps: 'Load the service', expected: 'It keeps up' });
    });
    expect(reasons(phases, 'performance requirements checked by tests')).toEqual([
      expect.stringMatching(/^T-[0-9]+ checks NFR-2 without a number in the steps or the expected result$/),
    ]);
  });
});

describe('security measures', () => {
  it('fails a threat without a control of its own', () => {
    const phases = pack(({ security }) => void (security.threats[0]!.control = security.threats[0]!.threat));
    expect(reasons(phases, 'security measures')).toEqual(['TH-1 (A stolen token) has no control of its own']);
  });

  it('fails a control that cites no requirement, leaving the security requirement uncontrolled', () => {
    const phases = pack(({ security }) => void (security.threats[0]!.requirements = []));
    expect(reasons(phases, 'security measures')).toEqual([
      "TH-1's control cites no requirement",
      "NFR-4 (security) is cited by no threat's control",
    ]);
  });

  it('fails a threat no test case shows stopped', () => {
    const phases = pack(({ testing }) => testing.cases.forEach((testCase) => void (testCase.threats = [])));
    expect(reasons(phases, 'every threat has a control and a test')).toEqual([
      'TH-1 (A stolen token) has no test case',
    ]);
  });

  it('fails a measure left unspecified', () => {
    expect(
      reasons(
        pack(({ security }) => void (security.cors = 'n/a')),
        'security measures',
      ),
    ).toEqual(['CORS is not specified']);
  });
});

describe('rollback plan', () => {
  const criterion = 'rollback plan with triggers and steps';

  it('fails a trigger without a measurable threshold', () => {
    const phases = pack(({ rollout }) => void (rollout.rollbackTriggers[0]!.threshold = 'when things look bad'));
    expect(reasons(phases, criterion)).toEqual(['rollback trigger "Error rate" has no measurable threshold']);
  });

  it('fails a trigger with no time to roll back', () => {
    const phases = pack(({ rollout }) => void (rollout.rollbackTriggers[0]!.rollbackWithinMinutes = 0));
    expect(reasons(phases, criterion)).toEqual(['rollback trigger "Error rate" gives no time to roll back']);
  });

  it('fails a time to roll back longer than the availability target allows in a month', () => {
    const phases = pack(({ rollout }) => void (rollout.rollbackTriggers[0]!.rollbackWithinMinutes = 60));
    expect(reasons(phases, criterion)).toEqual([
      'rolling back "Error rate" takes up to 60 minutes, over the 43-minute monthly downtime budget of NFR-3',
    ]);
  });

  it('fails a procedure of one step', () => {
    expect(
      reasons(
        pack(({ rollout }) => void (rollout.rollbackProcedure = ['Roll back'])),
        criterion,
      ),
    ).toEqual(['the rollback procedure needs at least two steps']);
  });
});

describe('cost estimate', () => {
  it('prices every component on a line of its own, with units and the load it scales from', () => {
    const { architecture, cost } = pack();
    expect(cost.estimate!.lines.map((line) => line.component)).toEqual([
      ...architecture.components.map((component) => component.id),
      null,
    ]);
    for (const line of cost.estimate!.lines) {
      expect(line.unit).not.toBe('');
      expect(cost.load[line.scalesWith]).toBeGreaterThan(0);
      expect(line.basis).toContain(String(cost.load[line.scalesWith]));
    }
  });

  it('fails an estimate that leaves a component unpriced', () => {
    const phases = pack(
      ({ cost }) => void (cost.estimate!.lines = cost.estimate!.lines.filter((line) => line.component !== 'database')),
    );
    expect(reasons(phases, 'cost estimates')).toEqual(['no cost line for component database']);
  });

  it('fails a line without units or without the load it scales from', () => {
    const phases = pack(({ cost }) => {
      Object.assign(cost.estimate!.lines[0]!, { unit: '' });
      Object.assign(cost.estimate!.lines[1]!, { scalesWith: undefined });
    });
    const [first, second] = phases.cost.estimate!.lines;
    expect(reasons(phases, 'cost estimates')).toEqual([
      `cost line "${first!.item}" has no quantity and unit`,
      `cost line "${second!.item}" names no load it scales from`,
    ]);
  });

  it('fails a cost phase without an estimate', () => {
    expect(
      reasons(
        pack(({ cost }) => void (cost.estimate = null)),
        'cost estimates',
      ),
    ).toEqual(['no computed estimate (the architecture was missing)']);
  });
});
