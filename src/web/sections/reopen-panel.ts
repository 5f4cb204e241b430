import { MAX_COMMENT_LENGTH } from '../../shared/decision-check';
import { isPhaseName, PHASES, type PhaseName } from '../../shared/phases';
import { html, type SafeHtml } from '../html';
import { phaseTitle } from '../phase-title';
import type { RunStatus } from '../spec-page-data';
import type { Viewer } from '../viewer';
import { nameField } from './decision-panel';

/**
 * While the run takes a reopen: pick an approved phase, say why, and the page's script sends
 * `{action: 'reopen'}` to POST /v1/specs/:id/decisions. Empty when the run takes none (no gates,
 * tickets being created or written, nothing approved yet).
 */
export function reopenPanel(status: RunStatus, viewer: Viewer): SafeHtml | '' {
  const approved = status.phases.filter((entry) => entry.state === 'approved');
  if (!takesReopen(status) || approved.length === 0) return '';
  return html`<section class="panel reopen" id="reopen" aria-label="Reopen an approved phase">
    <h3>Reopen an approved phase</h3>
    <p class="muted">
      It is regenerated with your comment and gated again; each later approved phase whose inputs change is asked again,
      the others keep their approval.
    </p>
    <form id="reopen-form" data-spec-id="${status.id}" novalidate>
      ${nameField(viewer, 'reopen-name')}
      <label for="reopen-phase">Phase</label>
      <select id="reopen-phase" name="phase" required>
        ${approved.map(
          (entry) =>
            html`<option value="${entry.name}">
              ${phaseTitle(entry.name)}${entry.revision > 0 ? ` (approved r${entry.revision})` : ''}
            </option>`,
        )}
      </select>
      <label for="reopen-comment">Comment <span class="muted">(required: what to change, and why)</span></label>
      <textarea id="reopen-comment" name="comment" rows="3" maxlength="${MAX_COMMENT_LENGTH}" required></textarea>
      <p class="form-error" id="reopen-error" role="alert" hidden></p>
      <div class="buttons"><button type="submit">Reopen</button></div>
    </form>
  </section>`;
}

/**
 * A completed run changes through an amendment: a new run, the next version, that keeps the
 * approved phases and reopens one. The form posts to POST /v1/specs/:id/amendments.
 */
export function amendPanel(status: RunStatus, viewer: Viewer): SafeHtml {
  const approved = status.phases.filter((entry) => entry.state === 'approved').map((entry) => entry.name);
  const phases: PhaseName[] = approved.length ? approved : [...PHASES];
  return html`<section class="panel amend" id="amend" aria-label="Amend this spec">
    <h3>Amend this spec</h3>
    <p>
      This run has finished. Amending it starts version ${(status.version ?? 1) + 1}: a new run that keeps the approved
      phases, reopens one with your comment, and regenerates only what depends on it.
    </p>
    <p class="muted">
      From the command line: <code>specforge amend ${status.id} --phase PHASE --comment TEXT</code>, or
      <code>POST /v1/specs/${status.id}/amendments</code> with <code>{"phase", "comment", "closeRemoved"}</code>.
    </p>
    <form id="amend-form" data-spec-id="${status.id}" novalidate>
      ${nameField(viewer, 'amend-name')}
      <label for="amend-phase">Phase to reopen</label>
      <select id="amend-phase" name="phase" required>
        ${phases.map((phase) => html`<option value="${phase}">${phaseTitle(phase)}</option>`)}
      </select>
      <label for="amend-comment">Comment <span class="muted">(required: what to change, and why)</span></label>
      <textarea id="amend-comment" name="comment" rows="3" maxlength="${MAX_COMMENT_LENGTH}" required></textarea>
      ${
        status.tickets.length
          ? html`<label class="check"
              ><input type="checkbox" id="amend-close-removed" name="closeRemoved" /> Close the tickets the new plan no
              longer has</label
            >`
          : ''
      }
      <p class="form-error" id="amend-error" role="alert" hidden></p>
      <div class="buttons"><button type="submit">Start the amendment</button></div>
    </form>
  </section>`;
}

/** What the workflow takes: a gated run at a phase (generating or at its gate) or at the tickets gate. */
function takesReopen(status: RunStatus): boolean {
  if (status.temporalStatus !== 'RUNNING' || status.gates === 'none') return false;
  if (status.status !== 'running' && status.status !== 'awaiting_approval') return false;
  return isPhaseName(status.phase) || status.pendingApproval?.phase === 'tickets';
}
