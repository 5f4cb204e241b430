import type { PhaseName } from '../shared/phases';

const TITLES: Record<PhaseName, string> = {
  requirements: 'Requirements',
  architecture: 'Architecture',
  database: 'Database',
  api: 'API',
  security: 'Security',
  testing: 'Testing',
  rollout: 'Rollout',
  cost: 'Cost',
};

/** How a phase is named in headings and tabs. */
export function phaseTitle(phase: PhaseName): string {
  return TITLES[phase];
}
