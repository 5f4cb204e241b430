import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../../shared/failure-types';
import { retryAfterMs } from '../../shared/retry-after';
import { redactFailure } from '../redact-failure';

/**
 * The one place Jira errors are sorted: settings to fix fail at once, limits and outages retry.
 * The message is redacted of `secrets` and anything shaped like a token: servers echo credentials.
 */
export function classifyJiraError(
  error: unknown,
  project: string,
  secrets: readonly (string | undefined)[] = [],
  /** What the request was about when not the project (`issue SHOP-3`), so a 404 names the right thing. */
  subject?: string,
): ApplicationFailure {
  return redactFailure(sortJiraError(error, project, subject), secrets);
}

function sortJiraError(error: unknown, project: string, subject?: string): ApplicationFailure {
  if (error instanceof ApplicationFailure) return error;
  const { status, message, cause } = error as {
    status?: number;
    message?: string;
    cause?: { response?: { headers?: Record<string, string>; data?: unknown } };
  };
  const data = cause?.response?.data as { errorMessages?: string[]; errors?: Record<string, string> } | undefined;
  const detail =
    [
      ...(data?.errorMessages ?? []),
      ...Object.entries(data?.errors ?? {}).map(([field, text]) => `${field}: ${text}`),
    ].join('; ') ||
    message ||
    'no detail';
  if (status === 429) {
    return ApplicationFailure.create({
      message: `Jira rate limit: ${detail}`,
      type: FailureType.TrackerRateLimited,
      nextRetryDelay: retryAfterMs(cause?.response?.headers) || undefined,
    });
  }
  if (status === undefined || status >= 500)
    return ApplicationFailure.retryable(`Jira unavailable: ${detail}`, FailureType.TrackerUnavailable);
  if (status === 401)
    return ApplicationFailure.nonRetryable(
      `Jira refused the credentials: check JIRA_EMAIL and JIRA_API_TOKEN (${detail})`,
      FailureType.TrackerAuthentication,
    );
  if (status === 403)
    return ApplicationFailure.nonRetryable(
      `The Jira user may not create issues in ${project}: check JIRA_EMAIL's permissions (${detail})`,
      FailureType.TrackerAuthentication,
    );
  if (status === 404 && subject)
    return ApplicationFailure.nonRetryable(
      `Jira ${subject} not found: deleted, moved, or not visible to JIRA_EMAIL (${detail})`,
      FailureType.TrackerBadRequest,
    );
  if (status === 404 || data?.errors?.project || /for the field 'project'/.test(detail))
    return ApplicationFailure.nonRetryable(
      `Jira project ${project} not found: check tickets.project and JIRA_HOST (${detail})`,
      FailureType.TrackerBadRequest,
    );
  return ApplicationFailure.nonRetryable(
    `Jira refused the request (${status}): ${detail}`,
    FailureType.TrackerBadRequest,
  );
}
