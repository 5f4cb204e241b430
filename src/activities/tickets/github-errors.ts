import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../../shared/failure-types';
import { retryAfterMs } from '../../shared/retry-after';
import { redactFailure } from '../redact-failure';

/**
 * The one place GitHub errors are sorted: settings to fix fail at once, limits and outages retry.
 * The message is redacted of `secrets` and anything shaped like a token: servers echo the token.
 */
export function classifyGitHubError(
  error: unknown,
  repo: string,
  secrets: readonly (string | undefined)[] = [],
): ApplicationFailure {
  return redactFailure(sortGitHubError(error, repo), secrets);
}

function sortGitHubError(error: unknown, repo: string): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  const { status, response, message } = error as {
    status?: number;
    message?: string;
    response?: { headers?: Record<string, string | undefined> };
  };
  const headers = response?.headers ?? {};
  const retryAfter = retryAfterMs(headers);
  const reset = Number(headers['x-ratelimit-reset']);
  const rateLimited =
    status === 429 ||
    (status === 403 && (headers['x-ratelimit-remaining'] === '0' || headers['retry-after'] !== undefined));
  if (rateLimited) {
    const delay = retryAfter || (reset > 0 ? Math.max(1000, reset * 1000 - Date.now()) : undefined);
    return ApplicationFailure.create({
      message: `GitHub rate limit on ${repo}: ${message}`,
      type: FailureType.TrackerRateLimited,
      nextRetryDelay: delay,
    });
  }
  if (status === undefined || status >= 500)
    return ApplicationFailure.retryable(`GitHub unavailable: ${message}`, FailureType.TrackerUnavailable);
  const fix: Record<number, string> = {
    401: 'GitHub refused the token: check GITHUB_TOKEN',
    403: `the token may not write issues in ${repo}: check GITHUB_TOKEN's permissions`,
    404: `repository ${repo} not found: check tickets.repo and GITHUB_API_URL (a token without access also sees 404)`,
    410: `issues are disabled in ${repo}`,
  };
  return ApplicationFailure.nonRetryable(
    `${fix[status] ?? `GitHub refused the request (${status})`}: ${message}`,
    status === 401 || status === 403 ? FailureType.TrackerAuthentication : FailureType.TrackerBadRequest,
  );
}
