// The gate's form: approve (with answers to open questions), request changes (comment and item
// comments), edit (opens the editor), abort or skip (asked twice). Sent to the decisions route.
import { postJson, problemLines } from './api-client.js';
import { openEditor } from './edit-panel.js';
import { reviewerName, rememberReviewerName } from './reviewer-name.js';

export function wireDecisionForm(form) {
  const nameInput = form.querySelector('input[name="by"]');
  if (nameInput) nameInput.value = reviewerName();
  for (const button of form.querySelectorAll('button[data-action]')) {
    button.addEventListener('click', () => onAction(form, button));
  }
}

async function onAction(form, button) {
  const action = button.dataset.action;
  if (action === 'edit') {
    openEditor();
    return;
  }
  if ((action === 'abort' || action === 'skip') && button.dataset.armed !== 'true') {
    // Asked twice instead of a confirm() dialog, which a page should not need.
    button.dataset.armed = 'true';
    button.dataset.label = button.textContent;
    button.textContent = action === 'abort' ? 'Click again to abort' : 'Click again to skip';
    setTimeout(() => {
      button.dataset.armed = 'false';
      button.textContent = button.dataset.label;
    }, 5000);
    return;
  }
  const decision = collectDecision(form, action);
  if (typeof decision === 'string') {
    showError(form, [decision]);
    return;
  }
  await sendDecision(form, decision, button);
}

/** The decision body for `action`, or a sentence saying what is missing. */
function collectDecision(form, action) {
  const decision = { phase: form.dataset.phase, action };
  const comment = form.querySelector('#decision-comment')?.value.trim() ?? '';
  if (comment) decision.comment = comment;
  if (action === 'request_changes') {
    const items = [...form.querySelectorAll('textarea[data-item-id]')]
      .map((field) => ({ id: field.dataset.itemId, comment: field.value.trim() }))
      .filter((item) => item.comment);
    if (!comment) return 'Write a comment saying what to change: requesting changes needs one.';
    if (items.length) decision.items = items;
  }
  if (action === 'approve') {
    const answers = Object.fromEntries(
      [...form.querySelectorAll('[data-question-id]')]
        .map((field) => [field.dataset.questionId, field.value.trim()])
        .filter(([, value]) => value),
    );
    if (Object.keys(answers).length) decision.content = { answers };
  }
  return withReviewer(form, decision);
}

/** Adds `by` in local mode (the name is asked once and kept); signed in, the server takes it from the session. */
export function withReviewer(form, decision) {
  if (document.body.dataset.mode !== 'local') return decision;
  const nameInput = form.querySelector('input[name="by"]');
  const name = (nameInput?.value ?? reviewerName()).trim();
  if (!name) {
    nameInput?.focus();
    return 'Enter your name first: it is recorded with your decision.';
  }
  rememberReviewerName(name);
  return { ...decision, by: name };
}

export async function sendDecision(form, decision, button) {
  const buttons = [...document.querySelectorAll('button[data-action], button[data-edit]')];
  buttons.forEach((candidate) => (candidate.disabled = true));
  button?.setAttribute('aria-busy', 'true');
  const result = await postJson(`/v1/specs/${encodeURIComponent(form.dataset.specId)}/decisions`, decision);
  if (result.ok) {
    // Show the run as it is now: the next phase generating, or the regeneration.
    window.location.assign(`/specs/${encodeURIComponent(form.dataset.specId)}`);
    return result;
  }
  buttons.forEach((candidate) => (candidate.disabled = false));
  button?.removeAttribute('aria-busy');
  showError(form, problemLines(result.body));
  return result;
}

/** Shows a problem's lines in the form's error box (its `.form-error`). */
export function showError(form, lines) {
  const box = form.querySelector('.form-error');
  box.replaceChildren(...lines.map((line) => Object.assign(document.createElement('span'), { textContent: line })));
  box.hidden = false;
}
