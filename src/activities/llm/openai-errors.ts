import { ApplicationFailure } from '@temporalio/common';
import OpenAI from 'openai';

/**
 * The one place OpenAI errors are sorted: what a person must fix fails at once naming the
 * setting; what time fixes is retried by Temporal, after Retry-After when the server gives one.
 */
export function classifyOpenAIError(error: unknown): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError) {
    return ApplicationFailure.retryable('The model did not answer in time (SPECFORGE_LLM_TIMEOUT_MS)', 'LlmTimeout');
  }
  if (error instanceof OpenAI.APIConnectionError) {
    return ApplicationFailure.retryable(`Cannot reach the model server (OPENAI_BASE_URL): ${error.message}`, 'LlmUnavailable');
  }
  if (error instanceof OpenAI.APIError && error.status !== undefined) {
    const status = error.status;
    const detail = error.message;
    if (status === 429) {
      return ApplicationFailure.create({
        message: `The model server is rate limiting (429): ${detail}`,
        type: 'LlmRateLimited',
        nextRetryDelay: retryAfterMs(error.headers),
      });
    }
    if (status >= 500) return ApplicationFailure.retryable(`The model server failed (${status}): ${detail}`, 'LlmUnavailable');
    const fix: Record<number, string> = {
      401: 'the API key was refused: check OPENAI_API_KEY',
      403: 'the API key may not use this model or project: check OPENAI_API_KEY and SPECFORGE_MODEL',
      404: 'the model or endpoint does not exist: check SPECFORGE_MODEL and OPENAI_BASE_URL',
    };
    return ApplicationFailure.nonRetryable(
      `The model server refused the request (${status}): ${fix[status] ?? `check SPECFORGE_MODEL and OPENAI_BASE_URL`}. ${detail}`,
      status === 401 || status === 403 ? 'LlmAuthentication' : 'LlmBadRequest',
    );
  }
  return ApplicationFailure.retryable(error instanceof Error ? error.message : String(error), 'LlmUnavailable');
}

function retryAfterMs(headers: Headers | undefined): number | undefined {
  const milliseconds = Number(headers?.get('retry-after-ms'));
  if (milliseconds > 0) return milliseconds;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}
