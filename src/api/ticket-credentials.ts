import type { Config } from '../config/load-config';
import { namesInProse, TICKET_TARGET_SETTINGS } from '../config/ticket-target-settings';
import { HttpProblem } from './problem';

export type CredentialedTarget = 'github' | 'jira';

/**
 * For each ticket target that needs credentials, the environment variables this process lacks.
 * Only meaningful where the API runs with the worker (`npm start`): the worker's configuration is
 * then this process's, so a run asking for an unconfigured target can be refused before it starts.
 */
export function missingTicketCredentials(config: Partial<Config>): Record<CredentialedTarget, string[]> {
  const missing = (names: readonly (keyof Config)[]) => names.filter((name) => !config[name]);
  return { github: missing(TICKET_TARGET_SETTINGS.github), jira: missing(TICKET_TARGET_SETTINGS.jira) };
}

/** 422 naming the variables when the worker beside this API could not create tickets on `target`. */
export function refuseUnconfiguredTarget(
  target: string | undefined,
  missing: Partial<Record<CredentialedTarget, string[]>> | undefined,
): void {
  if (target !== 'github' && target !== 'jira') return;
  const names = missing?.[target] ?? [];
  if (names.length === 0) return;
  const list = namesInProse(names);
  throw new HttpProblem(
    422,
    'Ticket target not configured',
    `The ${target} ticket target needs ${list} set for specforge; set ${names.length === 1 ? 'it' : 'them'} and restart, or use the file target`,
    [{ field: 'tickets.target', message: `${target} needs ${list}` }],
  );
}
