import { isPhaseName } from './phases';
import { MIN_RUN_GATE_TIMEOUT_MS, parseGateTimeout } from './duration';
import { GATE_POLICIES, GATE_TIMEOUT_POLICIES } from './gates';
import { HISTORY_LIMIT_BOUNDS, TICKET_TARGETS, type SpecRequest } from './spec-run';

export interface RequestProblem {
  field: string;
  message: string;
}

/**
 * Every field of a SpecRequest the workflow reads, checked before it reads any: a run started
 * with a value it cannot use (straight through Temporal, or by an older API) fails at once, naming
 * the field, instead of failing its workflow task forever. Pure: the workflow imports it.
 */
export function checkSpecRequest(request: unknown): RequestProblem | undefined {
  if (!isObject(request)) return { field: '(input)', message: 'the run needs a SpecRequest object' };
  const value = request as Partial<Record<keyof SpecRequest, unknown>>;
  const problem = (field: string, message: string): RequestProblem => ({ field, message });
  if (typeof value.feature !== 'string' || !value.feature.trim())
    return problem('feature', 'feature must be a non-empty string');
  if (value.description !== undefined && typeof value.description !== 'string')
    return problem('description', 'description must be a string');
  if (value.gates !== undefined && !(GATE_POLICIES as readonly unknown[]).includes(value.gates))
    return problem('gates', `gates must be one of ${GATE_POLICIES.join(', ')}`);
  if (
    value.approvers !== undefined &&
    (!Array.isArray(value.approvers) || !value.approvers.every((name) => typeof name === 'string'))
  )
    return problem('approvers', 'approvers must be a list of names');
  if (value.approvalsRequired !== undefined && !isCount(value.approvalsRequired, 1))
    return problem('approvalsRequired', 'approvalsRequired must be a whole number of at least 1');
  if (value.speculate !== undefined && typeof value.speculate !== 'boolean')
    return problem('speculate', 'speculate must be true or false');
  if (value.requireVerified !== undefined && typeof value.requireVerified !== 'boolean')
    return problem('requireVerified', 'requireVerified must be true or false');
  if (value.gateTimeout !== undefined) {
    const parsed = parseGateTimeout(value.gateTimeout, MIN_RUN_GATE_TIMEOUT_MS);
    if (!parsed.ok) return problem('gateTimeout', parsed.message);
  }
  if (value.onGateTimeout !== undefined && !(GATE_TIMEOUT_POLICIES as readonly unknown[]).includes(value.onGateTimeout))
    return problem('onGateTimeout', `onGateTimeout must be one of ${GATE_TIMEOUT_POLICIES.join(', ')}`);
  if (value.outDir !== undefined && (typeof value.outDir !== 'string' || !value.outDir))
    return problem('outDir', 'outDir must be a folder path');
  if (value.phaseActivityTimeoutMs !== undefined && !isCount(value.phaseActivityTimeoutMs, 1_000))
    return problem(
      'phaseActivityTimeoutMs',
      'phaseActivityTimeoutMs must be a whole number of milliseconds, at least 1000',
    );
  return (
    checkTickets(value.tickets) ??
    checkReferences(value) ??
    checkHistoryLimit(value.historyLimit) ??
    checkBasis(value.basis)
  );
}

/** A basis names the run whose folder is read: every part is checked before a path is made of it. */
function checkBasis(basis: unknown): RequestProblem | undefined {
  if (basis === undefined) return undefined;
  const invalid = (field: string, message: string) => ({ field: `basis.${field}`, message });
  if (!isObject(basis)) return { field: 'basis', message: 'basis must be an object' };
  const { kind, from, fromSlug, lineage, version, approved, reopen } = basis as Record<string, unknown>;
  if (kind !== 'amendment' && kind !== 'retry') return invalid('kind', 'basis.kind must be amendment or retry');
  for (const [field, text] of Object.entries({ from, lineage }))
    if (typeof text !== 'string' || !text) return invalid(field, `basis.${field} must be a run id`);
  if (typeof fromSlug !== 'string' || !/^[a-z0-9-]{1,60}$/.test(fromSlug))
    return invalid('fromSlug', 'basis.fromSlug must be a slug ([a-z0-9-], at most 60 characters)');
  if (!isCount(version, 1)) return invalid('version', 'basis.version must be a whole number of at least 1');
  if (
    !isObject(approved) ||
    !Object.entries(approved).every(([phase, revision]) => isPhaseName(phase) && isCount(revision, 1))
  )
    return invalid('approved', 'basis.approved must map phase names to revisions');
  const { amended } = basis as Record<string, unknown>;
  if (amended !== undefined) {
    const { id, slug } = (isObject(amended) ? amended : {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !id || typeof slug !== 'string' || !/^[a-z0-9-]{1,60}$/.test(slug))
      return invalid('amended', 'basis.amended must be {id, slug} of the amended run');
  }
  if (kind === 'amendment' || reopen !== undefined) {
    const { phase, comment, by } = (isObject(reopen) ? reopen : {}) as Record<string, unknown>;
    if (!isPhaseName(phase) || (kind === 'amendment' && !(phase in approved)))
      return invalid('reopen.phase', 'an amendment reopens one of the phases the amended run approved');
    if (typeof comment !== 'string' || !comment.trim()) return invalid('reopen.comment', 'say what to change');
    if (typeof by !== 'string' || !by.trim()) return invalid('reopen.by', 'say who asks');
  }
  return undefined;
}

function checkTickets(tickets: unknown): RequestProblem | undefined {
  if (tickets === undefined) return undefined;
  if (!isObject(tickets)) return { field: 'tickets', message: 'tickets must be an object' };
  const { target, concurrency, repo, project } = tickets as Record<string, unknown>;
  if (!(TICKET_TARGETS as readonly unknown[]).includes(target))
    return { field: 'tickets.target', message: `tickets.target must be one of ${TICKET_TARGETS.join(', ')}` };
  if (concurrency !== undefined && !isCount(concurrency, 1))
    return { field: 'tickets.concurrency', message: 'tickets.concurrency must be a whole number of at least 1' };
  for (const [field, text] of Object.entries({ repo, project }))
    if (text !== undefined && typeof text !== 'string')
      return { field: `tickets.${field}`, message: `tickets.${field} must be a string` };
  return undefined;
}

/** The context document and a continuation are read from the store by path and hash. */
function checkReferences(value: Partial<Record<keyof SpecRequest, unknown>>): RequestProblem | undefined {
  for (const field of ['context', 'continuation'] as const) {
    const ref = value[field];
    if (ref === undefined) continue;
    if (!isObject(ref) || typeof ref.path !== 'string' || typeof ref.sha256 !== 'string')
      return { field, message: `${field} must be a stored reference {path, sha256}` };
  }
  const continuation = value.continuation as { path: string } | undefined;
  // Written by the run itself under its own folder; no other file can be named.
  if (continuation && !/^snapshots\/\d+\.json$/.test(continuation.path))
    return { field: 'continuation', message: 'continuation must name a snapshot the run wrote (snapshots/<n>.json)' };
  return undefined;
}

function checkHistoryLimit(limit: unknown): RequestProblem | undefined {
  if (limit === undefined) return undefined;
  if (!isObject(limit)) return { field: 'historyLimit', message: 'historyLimit must be {events?, bytes?}' };
  for (const key of ['events', 'bytes'] as const) {
    const { min, max } = HISTORY_LIMIT_BOUNDS[key];
    const value = limit[key];
    if (value !== undefined && !(isCount(value, min) && (value as number) <= max))
      return {
        field: `historyLimit.${key}`,
        message: `historyLimit.${key} must be a whole number from ${min} to ${max}`,
      };
  }
  return undefined;
}

function isCount(value: unknown, minimum: number): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= minimum;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
