import { ApplicationFailure } from '@temporalio/common';
import { REDACTED, redactSecrets } from '../shared/redact-secrets';

/**
 * The failure with its message, details and causes redacted: what an upstream server echoed (the
 * Authorization header in a 401 body) must not reach the history, the memo, the API or the logs.
 * A new failure is made when anything changed, so its stack, which starts with the message, is clean too.
 */
export function redactFailure(
  failure: ApplicationFailure,
  secrets: readonly (string | undefined)[],
): ApplicationFailure {
  const message = redactSecrets(failure.message, secrets);
  const cause = redactCause(failure.cause, secrets);
  const details = failure.details?.map((detail) => redactValue(detail, secrets));
  const unchanged =
    message === failure.message &&
    cause === failure.cause &&
    (details ?? []).every((detail, index) => detail === failure.details?.[index]) &&
    (failure.stack === undefined || redactSecrets(failure.stack, secrets) === failure.stack);
  if (unchanged) return failure;
  return ApplicationFailure.create({
    message,
    type: failure.type ?? undefined,
    nonRetryable: failure.nonRetryable ?? undefined,
    nextRetryDelay: failure.nextRetryDelay ?? undefined,
    category: failure.category ?? undefined,
    details,
    cause,
  });
}

/** Any error, redacted the same way; a failure stays a failure of the same type. */
export function redactError(error: Error, secrets: readonly (string | undefined)[]): Error {
  return redactCause(error, secrets)!;
}

function redactCause(cause: Error | undefined, secrets: readonly (string | undefined)[]): Error | undefined {
  if (!cause) return undefined;
  if (cause instanceof ApplicationFailure) return redactFailure(cause, secrets);
  const message = redactSecrets(cause.message, secrets);
  const stack = cause.stack === undefined ? undefined : redactSecrets(cause.stack, secrets);
  const inner = redactCause(cause.cause instanceof Error ? cause.cause : undefined, secrets);
  if (message === cause.message && stack === cause.stack && inner === cause.cause) return cause;
  const copy = new Error(message, inner ? { cause: inner } : undefined);
  copy.name = cause.name;
  copy.stack = stack;
  return copy;
}

/** Deeper than any detail or log field specforge writes; past it (a cycle, a hostile value) nothing is shown. */
const MAX_DEPTH = 64;

/**
 * Strings and errors anywhere in a JSON-like value, redacted; the value itself when nothing in it
 * changed. Failure details and the worker's log fields both go through here.
 */
export function redactValue(value: unknown, secrets: readonly (string | undefined)[], depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (value instanceof Error) return redactError(value, secrets);
  if (!value || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return REDACTED;
  if (Array.isArray(value)) {
    const items = value.map((item) => redactValue(item, secrets, depth + 1));
    return items.every((item, index) => item === value[index]) ? value : items;
  }
  if (Object.getPrototypeOf(value) === Object.prototype) {
    const entries = Object.entries(value);
    const redacted = entries.map(([key, item]) => [key, redactValue(item, secrets, depth + 1)] as const);
    return redacted.every(([, item], index) => item === entries[index]![1]) ? value : Object.fromEntries(redacted);
  }
  return value;
}
