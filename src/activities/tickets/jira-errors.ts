import { ApplicationFailure } from '@temporalio/common';

/** The one place Jira errors are sorted: settings to fix fail at once, limits and outages retry. */
export function classifyJiraError(error: unknown, project: string): ApplicationFailure {
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
    const seconds = Number(cause?.response?.headers?.['retry-after']);
    return ApplicationFailure.create({
      message: `Jira rate limit: ${detail}`,
      type: 'TrackerRateLimited',
      nextRetryDelay: seconds > 0 ? seconds * 1000 : undefined,
    });
  }
  if (status === undefined || status >= 500)
    return ApplicationFailure.retryable(`Jira unavailable: ${detail}`, 'TrackerUnavailable');
  if (status === 401)
    return ApplicationFailure.nonRetryable(
      `Jira refused the credentials: check JIRA_EMAIL and JIRA_API_TOKEN (${detail})`,
      'TrackerAuthentication',
    );
  if (status === 403)
    return ApplicationFailure.nonRetryable(
      `The Jira user may not create issues in ${project}: check JIRA_EMAIL's permissions (${detail})`,
      'TrackerAuthentication',
    );
  if (status === 404 || data?.errors?.project || /for the field 'project'/.test(detail))
    return ApplicationFailure.nonRetryable(
      `Jira project ${project} not found: check tickets.project and JIRA_HOST (${detail})`,
      'TrackerBadRequest',
    );
  return ApplicationFailure.nonRetryable(`Jira refused the request (${status}): ${detail}`, 'TrackerBadRequest');
}
