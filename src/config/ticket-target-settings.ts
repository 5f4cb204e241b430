import type { TICKET_TARGETS } from '../shared/spec-run';
import type { Config } from './load-config';

/** The variables each ticket target needs, read by the worker's check and by the API beside it. */
export const TICKET_TARGET_SETTINGS = {
  file: [],
  github: ['GITHUB_TOKEN'],
  jira: ['JIRA_HOST', 'JIRA_EMAIL', 'JIRA_API_TOKEN'],
} as const satisfies Record<(typeof TICKET_TARGETS)[number], readonly (keyof Config)[]>;

/** "GITHUB_TOKEN", "JIRA_HOST, JIRA_EMAIL and JIRA_API_TOKEN". */
export function namesInProse(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
