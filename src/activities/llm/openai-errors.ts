import { ApplicationFailure } from '@temporalio/common';
import OpenAI from 'openai';
import { FailureType } from '../../shared/failure-types';
import type { FailureDetails } from '../../shared/phase-failure';
import { retryAfterMs } from '../../shared/retry-after';
import type { TokenUsage } from '../../shared/spec-run';
import { redactFailure } from '../redact-failure';

/** Error codes of a connection that was never made: the address is wrong or nothing listens there. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** Error codes of a response that took longer than the connection's own timeouts. */
const TIMED_OUT = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/**
 * The one place OpenAI errors are sorted: what a person must fix fails at once naming the
 * setting; what time fixes is retried by Temporal, after Retry-After when the server gives one.
 * The message is redacted of `secrets` and anything shaped like a token: servers echo the key.
 */
export function classifyOpenAIError(
  error: unknown,
  server = 'the model server',
  secrets: readonly (string | undefined)[] = [],
): ApplicationFailure {
  return redactFailure(sortOpenAIError(error, server), secrets);
}

function sortOpenAIError(error: unknown, server: string): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError || causeCodes(error).some((code) => TIMED_OUT.has(code))) {
    return ApplicationFailure.retryable(
      'The model did not answer in time (SPECFORGE_LLM_TIMEOUT_MS)',
      FailureType.LlmTimeout,
    );
  }
  if (error instanceof OpenAI.APIConnectionError) return connectionFailure(error, server);
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const status = error.status;
    const detail = error.message;
    if (status === 429) {
      return ApplicationFailure.create({
        message: `The model server is rate limiting (429): ${detail}`,
        type: FailureType.LlmRateLimited,
        nextRetryDelay: retryAfterMs(error.headers),
      });
    }
    if (status >= 500)
      return ApplicationFailure.retryable(`The model server failed (${status}): ${detail}`, FailureType.LlmUnavailable);
    const fix: Record<number, string> = {
      401: 'the API key was refused: check OPENAI_API_KEY',
      403: 'the API key may not use this model or project: check OPENAI_API_KEY and SPECFORGE_MODEL',
      404: 'the model or endpoint does not exist: check SPECFORGE_MODEL and OPENAI_BASE_URL',
    };
    return ApplicationFailure.nonRetryable(
      `The model server refused the request (${status}): ${fix[status] ?? `check SPECFORGE_MODEL and OPENAI_BASE_URL`}. ${detail}`,
      status === 401 || status === 403 ? FailureType.LlmAuthentication : FailureType.LlmBadRequest,
    );
  }
  return ApplicationFailure.retryable(
    error instanceof Error ? error.message : String(error),
    FailureType.LlmUnavailable,
  );
}

/** The same failure, carrying the tokens already spent: the failed run's report shows them. */
export function withUsage(failure: ApplicationFailure, usage: TokenUsage): ApplicationFailure {
  const details: FailureDetails[] = [{ usage: { ...usage } }];
  return ApplicationFailure.create({
    message: failure.message,
    type: failure.type ?? undefined,
    nonRetryable: failure.nonRetryable ?? undefined,
    nextRetryDelay: failure.nextRetryDelay ?? undefined,
    cause: failure.cause,
    category: failure.category ?? undefined,
    details,
  });
}

/**
 * A connection never made points at the address; one the server dropped mid-answer does not,
 * and is worded without blame: a local server that runs out of memory on a grammar just exits.
 */
function connectionFailure(error: InstanceType<typeof OpenAI.APIConnectionError>, server: string): ApplicationFailure {
  const codes = causeCodes(error);
  const detail = causeMessages(error).join(': ') || error.message;
  if (codes.some((code) => UNREACHABLE.has(code))) {
    return ApplicationFailure.retryable(
      `Cannot reach the model server at ${server} (OPENAI_BASE_URL): ${detail}`,
      FailureType.LlmUnavailable,
    );
  }
  return ApplicationFailure.retryable(
    `The model server at ${server} closed the connection; it may have crashed (${detail})`,
    FailureType.LlmUnavailable,
  );
}

function causeChain(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (
    let cause = (error as { cause?: unknown })?.cause;
    cause && chain.length < 5;
    cause = (cause as { cause?: unknown }).cause
  )
    chain.push(cause);
  return chain;
}

function causeCodes(error: unknown): string[] {
  return causeChain(error).flatMap((cause) => {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? [code] : [];
  });
}

function causeMessages(error: unknown): string[] {
  return causeChain(error).flatMap((cause) => (cause instanceof Error && cause.message ? [cause.message] : []));
}
