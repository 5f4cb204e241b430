import type { PhaseView } from '../../review/review-types';
import { html, type SafeHtml } from '../html';
import { phaseTitle } from '../phase-title';

/**
 * The phase's JSON in an editor, hidden until "Edit…" is pressed. The script checks it with
 * POST /v1/specs/:id/phases/:phase/validate and shows each field error beside the editor; only a
 * valid edit is sent as the `edit` decision.
 */
export function editPanel(view: PhaseView): SafeHtml {
  return html`<section class="panel editor" id="edit-panel" aria-label="Edit the phase" hidden>
    <h3>Edit ${phaseTitle(view.phase)} r${view.revision}</h3>
    <p class="muted">
      The phase's content as JSON. It is checked like generated content before it is sent; an accepted edit counts as
      approval.
    </p>
    <div class="editor-grid">
      <textarea id="edit-content" spellcheck="false" autocomplete="off" rows="24" aria-describedby="edit-errors">
${JSON.stringify(view.content, null, 2)}</textarea>
      <div id="edit-errors" class="field-errors" aria-live="polite">
        <p class="muted">Press “Check” to validate without sending.</p>
      </div>
    </div>
    <div class="buttons">
      <button type="button" data-edit="check">Check</button>
      <button type="button" class="primary" data-edit="send">Check and send edit</button>
      <button type="button" data-edit="cancel">Cancel</button>
    </div>
  </section>`;
}
