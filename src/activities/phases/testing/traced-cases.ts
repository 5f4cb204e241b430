import { nonFunctionalKind, nonFunctionalIds } from '../../quality/nonfunctional-kind';
import type { PhaseContents } from '../phase-contents';
import type { Testing } from './schema';

type Case = Omit<Testing['cases'][number], 'id'>;

/**
 * A test case for each non-functional requirement, at the level that can check it: performance
 * targets under load at the rate the throughput requirement states, availability by chaos,
 * everything else against real dependencies. Security requirements are checked by `threatCases`.
 */
export function nonFunctionalCases(earlier: Partial<PhaseContents>): Case[] {
  const nonFunctional = earlier.requirements?.nonFunctional ?? [];
  const rate = peakRate(nonFunctional.map((requirement) => requirement.text));
  return nonFunctional.flatMap((requirement): Case[] => {
    const title = `${requirement.id}: ${requirement.text}`;
    switch (nonFunctionalKind(requirement)) {
      case 'performance':
        return [
          {
            level: 'performance',
            title,
            steps: `k6: ${rate} requests per second for 15 minutes, 80% reads, then a 2x spike for 2 minutes`,
            expected: `${requirement.text}; error rate under 0.1%`,
            requirements: [requirement.id],
            threats: [],
          },
        ];
      case 'availability':
        return [
          {
            level: 'chaos',
            title,
            steps: `Under ${rate} requests per second, kill the cache, then pause the queue for 5 minutes, then fail over the database`,
            expected: `Requests fall back to the database and queued events are delivered after recovery, none lost; the error budget of ${requirement.id} is not spent`,
            requirements: [requirement.id],
            threats: [],
          },
        ];
      case 'security':
        return [];
      case 'retention':
        return [
          {
            level: 'integration',
            title,
            steps: 'Move a fake clock past the retention period and run the purge job against a real database',
            expected: 'Records past the period are gone with their events and cache entries; younger records stay',
            requirements: [requirement.id],
            threats: [],
          },
        ];
      case 'other':
        return [
          {
            level: 'integration',
            title,
            steps: 'Check the requirement against a production-like environment with real dependencies',
            expected: requirement.text,
            requirements: [requirement.id],
            threats: [],
          },
        ];
    }
  });
}

/** One security case per threat, shown stopped by its control, citing what the control protects. */
export function threatCases(earlier: Partial<PhaseContents>): Case[] {
  const securityIds = nonFunctionalIds(earlier.requirements, 'security');
  const fallback = securityIds.length
    ? securityIds
    : (earlier.requirements?.functional ?? []).slice(0, 1).map((requirement) => requirement.id);
  const scan: Case = {
    level: 'security',
    title: 'Access control and input abuse on every endpoint',
    steps:
      'Call every endpoint as another user, without a token, with oversized and malformed bodies; run a ZAP baseline scan',
    expected: '403/401/422 responses; no data leaks; the scan reports no high or medium finding',
    requirements: fallback,
    threats: [],
  };
  return [
    scan,
    ...(earlier.security?.threats ?? []).map((threat): Case => ({
      level: 'security',
      title: `${threat.id} stopped: ${threat.threat}`,
      steps: `Attempt it against the staging API: ${threat.threat.charAt(0).toLowerCase()}${threat.threat.slice(1)}`,
      expected: `The control stops it (${threat.control}); the attempt is refused and logged`,
      requirements: threat.requirements.length ? threat.requirements : fallback,
      threats: [threat.id],
    })),
  ];
}

/** The peak rate a throughput requirement states ("Sustain 50 requests per second"), else 200. */
function peakRate(texts: string[]): number {
  for (const text of texts) {
    const rate = /(\d[\d,]*)\s*(?:requests?|req|rps)\b/i.exec(text)?.[1];
    if (rate) return Number(rate.replace(/,/g, ''));
  }
  return 200;
}
