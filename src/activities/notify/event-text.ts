import type { RunEvent } from '../../shared/run-event';

/** One line a chat shows as it is: Slack's `<link|label>` form, with the untrusted feature text escaped. */
export function eventText(event: RunEvent, link: string): string {
  const feature = `"${escapeSlack(event.feature.replace(/\s+/g, ' ').slice(0, 200))}"`;
  const review = `<${link}|Review>`;
  switch (event.kind) {
    case 'gate_opened':
      return `${feature} is waiting for a decision on ${event.phase} (revision ${event.revision}). ${review}`;
    case 'gate_reminder':
      return `Reminder: ${feature} has waited since ${event.since ?? 'a while'} for a decision on ${event.phase}. ${review}`;
    case 'run_finished':
      return `${feature} ended ${event.status}${event.error ? `: ${escapeSlack(event.error.slice(0, 300))}` : ''}. ${review}`;
  }
}

/** Slack reads &, < and > as markup: escaped, a feature cannot forge links or mentions. */
function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
