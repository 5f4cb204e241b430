import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../../shared/failure-types';
import { retryAfterMs } from '../../shared/retry-after';
import type { RunEvent } from '../../shared/run-event';
import { redactFailure } from '../redact-failure';
import { eventText } from './event-text';

export interface WebhookSettings {
  /** SPECFORGE_WEBHOOK_URL; unset: events go nowhere. */
  url?: string;
  /** Where the review page is served, for the link in every event. */
  publicUrl: string;
  fetch?: typeof fetch;
  /** Every secret the worker holds (the URL, which carries Slack's secret, is always added): redacted from failures. */
  secrets?: readonly (string | undefined)[];
}

const REQUEST_TIMEOUT_MS = 10_000;

/** POSTs one run event as JSON with a Slack-compatible `text`; Temporal retries a failed delivery. */
export function createWebhookNotifier(settings: WebhookSettings) {
  const send = settings.fetch ?? fetch;
  const secrets = [settings.url, ...(settings.secrets ?? [])];
  return async function notify(event: RunEvent): Promise<void> {
    if (!settings.url) return;
    const link = `${settings.publicUrl.replace(/\/+$/, '')}/specs/${encodeURIComponent(event.specId)}`;
    let response: Response;
    try {
      response = await send(settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...event, link, text: eventText(event, link) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw redactFailure(unreachable(event, error), secrets);
    }
    await response.body?.cancel();
    if (response.ok) return;
    throw redactFailure(refused(event, response), secrets);
  };
}

/** A receiver that refuses the request will refuse it again: fix SPECFORGE_WEBHOOK_URL, not the timing. */
function refused(event: RunEvent, response: Response): ApplicationFailure {
  const { status } = response;
  const message = `The webhook at SPECFORGE_WEBHOOK_URL answered ${status} to the ${event.kind} event`;
  const permanent = status >= 400 && status < 500 && status !== 408 && status !== 429;
  if (permanent) return ApplicationFailure.nonRetryable(message, FailureType.WebhookRefused);
  return ApplicationFailure.create({
    message,
    type: FailureType.WebhookUnavailable,
    nextRetryDelay: retryAfterMs(response.headers) || undefined,
  });
}

function unreachable(event: RunEvent, error: unknown): ApplicationFailure {
  const causes: string[] = [];
  for (let cause = error; cause instanceof Error && causes.length < 3; cause = cause.cause) causes.push(cause.message);
  return ApplicationFailure.retryable(
    `The webhook at SPECFORGE_WEBHOOK_URL could not take the ${event.kind} event: ${causes.join(': ')}`,
    FailureType.WebhookUnavailable,
  );
}
