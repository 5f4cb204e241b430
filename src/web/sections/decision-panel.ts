import type { OpenQuestion, PhaseView } from '../../review/review-types';
import { MAX_COMMENT_LENGTH } from '../../shared/decision-check';
import { html, type SafeHtml } from '../html';
import { phaseTitle } from '../phase-title';
import type { RunStatus } from '../spec-page-data';
import type { Viewer } from '../viewer';

/**
 * The gate's form: open questions with their defaults, a comment, comments on single items, and
 * approve / request changes / edit / abort. The page's script sends it to POST /v1/specs/:id/decisions.
 */
export function decisionPanel(status: RunStatus, view: PhaseView, viewer: Viewer): SafeHtml {
  const pending = status.pendingApproval!;
  const openQuestions = view.phase === 'requirements' ? view.questions : [];
  return html`<section class="panel decide" id="decide" aria-label="Decision">
    <h3>Decide on ${phaseTitle(view.phase)} r${view.revision}</h3>
    ${approvalsLine(pending)}
    <form
      id="decision-form"
      data-spec-id="${status.id}"
      data-phase="${view.phase}"
      data-revision="${view.revision}"
      novalidate
    >
      ${nameField(viewer)} ${openQuestions.length ? questionFields(openQuestions) : ''}
      <label for="decision-comment">Comment <span class="muted">(required to request changes)</span></label>
      <textarea id="decision-comment" name="comment" rows="3" maxlength="${MAX_COMMENT_LENGTH}"></textarea>
      ${view.items.length ? itemCommentFields(view) : ''}
      <p class="form-error" id="decision-error" role="alert" hidden></p>
      <div class="buttons">
        <button type="button" class="primary" data-action="approve">Approve</button>
        <button type="button" data-action="request_changes">Request changes</button>
        <button type="button" data-action="edit" aria-controls="edit-panel">Edit…</button>
        <button type="button" class="danger" data-action="abort">Abort run</button>
      </div>
    </form>
  </section>`;
}

/** The tickets gate, which has no phase view: approve the plan, skip ticket creation, or abort. */
export function ticketsGatePanel(status: RunStatus, viewer: Viewer): SafeHtml {
  return html`<section class="panel decide" id="decide" aria-label="Decision on the ticket plan">
    <h3>Decide on the ticket plan</h3>
    ${approvalsLine(status.pendingApproval!)}
    <p>
      ${status.pendingApproval!.summary} ·
      <a href="/v1/specs/${encodeURIComponent(status.id)}/tickets">read the plan (JSON)</a>
    </p>
    <form
      id="decision-form"
      data-spec-id="${status.id}"
      data-phase="tickets"
      data-revision="${status.pendingApproval!.revision}"
      novalidate
    >
      ${nameField(viewer)}
      <label for="decision-comment">Comment</label>
      <textarea id="decision-comment" name="comment" rows="2" maxlength="${MAX_COMMENT_LENGTH}"></textarea>
      <p class="form-error" id="decision-error" role="alert" hidden></p>
      <div class="buttons">
        <button type="button" class="primary" data-action="approve">Create tickets</button>
        <button type="button" data-action="skip">Skip tickets</button>
        <button type="button" class="danger" data-action="abort">Abort run</button>
      </div>
    </form>
  </section>`;
}

/** Questions and their answers outside a gate: read, not answered. */
export function questionsList(questions: OpenQuestion[]): SafeHtml | '' {
  if (!questions.length) return '';
  return html`<section class="panel questions" aria-label="Open questions">
    <h3>Open questions</h3>
    <dl>
      ${questions.map(
        (question) =>
          html`<dt><strong>${question.id}</strong> ${question.question}</dt>
            <dd>
              ${question.answer ? html`Answer: ${question.answer}` : html`<span class="muted">Default: ${question.suggestedDefault}</span>`}
            </dd>`,
      )}
    </dl>
  </section>`;
}

function approvalsLine(pending: NonNullable<RunStatus['pendingApproval']>): SafeHtml | '' {
  if (!pending.approvalsRequired || pending.approvalsRequired < 2) return '';
  const approvals = pending.approvals ?? [];
  return html`<p class="approvals" data-approvals>
    Approvals:
    <strong>${approvals.length} of ${pending.approvalsRequired}</strong
    >${approvals.length ? html` (${approvals.map((approval, index) => html`${index ? ', ' : ''}${approval.by} <time datetime="${approval.at}">${approval.at.slice(11, 16)}</time>`)})` : ''}
  </p>`;
}

/** Local mode has no sign-in: the reviewer names themself once; the script keeps it in localStorage. */
export function nameField(viewer: Viewer, id = 'reviewer-name'): SafeHtml | '' {
  if (viewer.signedInMode) return '';
  return html`<label for="${id}">Your name</label>
    <input id="${id}" name="by" autocomplete="name" maxlength="200" required />`;
}

function questionFields(questions: OpenQuestion[]): SafeHtml {
  return html`<fieldset class="questions">
    <legend>Open questions <span class="muted">(your answers are sent with approve)</span></legend>
    ${questions.map(
      (question) =>
        html`<label for="answer-${question.id}"><strong>${question.id}</strong> ${question.question}</label>
          <textarea id="answer-${question.id}" data-question-id="${question.id}" rows="2">
${question.answer ?? question.suggestedDefault}</textarea>`,
    )}
  </fieldset>`;
}

function itemCommentFields(view: PhaseView): SafeHtml {
  return html`<details class="item-comments" id="item-comment-list">
    <summary>Comment on single items <span class="muted">(sent with request changes)</span></summary>
    ${view.items.map(
      (item, index) =>
        html`<div class="item-comment">
          <label for="item-comment-${index}"
            ><strong>${item.id}</strong> <span class="muted">${item.kind}</span> ${item.label}</label
          >
          <textarea
            id="item-comment-${index}"
            data-item-id="${item.id}"
            rows="1"
            maxlength="${MAX_COMMENT_LENGTH}"
          ></textarea>
        </div>`,
    )}
  </details>`;
}
