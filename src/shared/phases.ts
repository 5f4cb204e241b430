/** The eight planning phases, in the order the workflow runs them. */
export const PHASES = [
  'requirements',
  'architecture',
  'database',
  'api',
  'security',
  'testing',
  'rollout',
  'cost',
] as const;

export type PhaseName = (typeof PHASES)[number];

export function isPhaseName(value: unknown): value is PhaseName {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}
