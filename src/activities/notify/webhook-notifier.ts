import { ApplicationFailure } from '@temporalio/common';
import type { RunEvent } from '../../shared/run-event';
import { eventText } from './event-text';

export interface WebhookSettings {
  /** SPECFORGE_WEBHOOK_URL; unset: events go nowhere. */
  url?: string;
  /** Where the review page is served, for the link in every event. */
  publicUrl: string;
  fetch?: typeof fetch;
}

const REQUEST_TIMEOUT_MS = 10_000;

/** POSTs one run event as JSON with a Slack-compatible `text`; Temporal retries a failed delivery. */
export function createWebhookNotifier(settings: WebhookSettings) {
  const send = settings.fetch ?? fetch;
  return async function notify(event: RunEvent): Promise<void> {
    if (!settings.url) return;
    const link = `${settings.publicUrl.replace(/\/+$/, '')}/specs/${encodeURIComponent(event.specId)}`;
    const response = await send(settings.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...event, link, text: eventText(event, link) }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.ok) return;
    // A receiver that refuses the request will refuse it again: fix SPECFORGE_WEBHOOK_URL, not the timing.
    const permanent =
      response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    const message = `The webhook at SPECFORGE_WEBHOOK_URL answered ${response.status} to the ${event.kind} event`;
    throw permanent
      ? ApplicationFailure.nonRetryable(message, 'WebhookRefused')
      : ApplicationFailure.retryable(message, 'WebhookUnavailable');
  };
}
