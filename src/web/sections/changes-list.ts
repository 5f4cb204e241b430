import type { PhaseChange } from '../../shared/spec-run';
import { html, type SafeHtml } from '../html';

const REASONS: Record<PhaseChange['reason'], string> = {
  reopened: 'reopened',
  inputs_changed: 'regenerated: its inputs changed',
  kept: 'kept its approval: its inputs did not change',
};

/** What reopens did to the run's phases, in order: who reopened which phase and why, what followed. */
export function changesList(changes: PhaseChange[] | undefined): SafeHtml | '' {
  if (!changes?.length) return '';
  return html`<section class="panel changes" aria-label="Changes">
    <h3>Changes</h3>
    <ol class="changes">
      ${changes.map(
        (change) =>
          html`<li data-change-reason="${change.reason}">
            <div>
              <strong>${change.phase}</strong>
              ${change.reason === 'kept' ? `r${change.to}` : `r${change.from} → r${change.to}`} ·
              ${REASONS[change.reason]}${change.by ? html` by <strong>${change.by}</strong>` : ''}
            </div>
            <div class="muted"><time datetime="${change.at}">${change.at.replace('T', ' ').slice(0, 19)}</time></div>
            ${change.comment ? html`<blockquote>${change.comment}</blockquote>` : ''}
          </li>`,
      )}
    </ol>
  </section>`;
}
