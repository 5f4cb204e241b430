import type { ReopenReason } from '../../review/reopen-reason';
import { html, type SafeHtml } from '../html';

/** Above a phase at its gate again: why it is asked again, so the reviewer reads the diff for that. */
export function reopenNotice(reason: ReopenReason | undefined): SafeHtml | '' {
  if (!reason) return '';
  if (reason.kind === 'reopened')
    return html`<p class="notice reopened" data-reopen-reason="reopened">
      At its gate again: reopened by <strong>${reason.by}</strong>${reason.comment ? html`: “${reason.comment}”` : ''}
    </p>`;
  return html`<p class="notice reopened" data-reopen-reason="inputs_changed">
    At its gate again: regenerated because ${reason.inputs.join(', ')} changed (${reason.reopened} was reopened by
    <strong>${reason.by}</strong>).
  </p>`;
}
