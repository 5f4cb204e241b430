import { describe, expect, it } from 'vitest';
import { phasePrompt } from '../../src/activities/llm/phase-prompt';
import { PHASE_DEFINITIONS } from '../../src/activities/phases/index';
import { offlinePack } from '../helpers/in-process-pack';
import { firstRevisionContext } from '../helpers/phase-context';
import type { PhaseName } from '../../src/shared/phases';

/** What each phase must cover, as the design's table of the eight phases lists it. */
const DESIGN_SUB_ITEMS: Record<PhaseName, string[]> = {
  requirements: [
    'functional requirements',
    'non-functional requirements',
    'performance',
    'security',
    'scalability',
    'user stories',
    'acceptance criteria',
    'edge cases',
    'missing or ambiguous',
    'open questions',
  ],
  architecture: [
    'Mermaid system diagram',
    'service boundaries',
    'communication patterns',
    'data flow and state',
    'horizontal scaling',
    'caching',
    'Redis',
    'Memcached',
    'observability',
    'logs',
    'metrics',
    'traces',
  ],
  database: [
    'normalization analysis',
    'index plan',
    'migration strategy',
    'backup and recovery',
    'read/write splitting',
  ],
  api: ['OpenAPI 3.1', 'RESTful', 'pagination', 'filtering', 'sorting', 'rate limiting', 'throttling', 'versioning'],
  security: [
    'authentication',
    'authorization',
    'encryption at rest',
    'encryption in transit',
    'API security',
    'oauth2',
    'jwt',
    'api-key',
    'input validation and sanitization',
    'CORS',
    'CSP',
  ],
  testing: [
    'unit',
    'mocking strategy',
    'integration',
    'end-to-end',
    'journeys',
    'performance benchmarks',
    'security scenarios',
    'chaos experiments',
  ],
  rollout: [
    'feature flags',
    'canary',
    'percentages',
    'rollback triggers',
    'rollback procedure',
    'A/B test',
    'monitoring and alerting',
  ],
  cost: ['infrastructure estimate', 'scaling projections', 'optimization opportunities', 'ROI'],
};

describe('phase prompts', () => {
  it.each(Object.entries(DESIGN_SUB_ITEMS))(
    'the %s prompt names every sub-item the design lists for it',
    (phase, subItems) => {
      const instructions = PHASE_DEFINITIONS[phase as PhaseName].instructions.toLowerCase();
      expect(subItems.filter((subItem) => !instructions.includes(subItem.toLowerCase()))).toEqual([]);
    },
  );
});

describe('the previously approved revision in a regenerated phase prompt', () => {
  const previous = offlinePack(firstRevisionContext.feature).architecture;

  it.each(Object.keys(DESIGN_SUB_ITEMS))(
    'hands the %s prompt the revision and asks to keep what still holds',
    (phase) => {
      const prompt = phasePrompt(PHASE_DEFINITIONS[phase as PhaseName], { ...firstRevisionContext, previous });
      expect(JSON.parse(prompt.user).previouslyApprovedRevision).toEqual(previous);
      expect(prompt.system).toMatch(
        /previouslyApprovedRevision .*: keep what still holds, and change what the changed earlier sections and the reviewer's requests require/,
      );
    },
  );

  it('says nothing of a previous revision when the phase is generated for the first time', () => {
    const prompt = phasePrompt(PHASE_DEFINITIONS.architecture, firstRevisionContext);
    expect(JSON.parse(prompt.user)).not.toHaveProperty('previouslyApprovedRevision');
    expect(prompt.system).not.toMatch(/previouslyApprovedRevision/);
  });
});
