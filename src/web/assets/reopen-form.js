// Reopen an approved phase: the phase, a required comment and who asks, sent to the decisions
// route as {action: 'reopen'}. A refusal (409: no gates, tickets begun, not approved) is shown as sent.
import { postJson, problemLines } from './api-client.js';
import { showError, withReviewer } from './decision-form.js';
import { reviewerName } from './reviewer-name.js';

export function wireReopenForm(form) {
  const nameInput = form.querySelector('input[name="by"]');
  if (nameInput) nameInput.value = reviewerName();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const phase = form.querySelector('#reopen-phase').value;
    const comment = form.querySelector('#reopen-comment').value.trim();
    if (!comment) {
      showError(form, ['Write a comment saying what to change: reopening needs one.']);
      return;
    }
    const decision = withReviewer(form, { phase, action: 'reopen', comment });
    if (typeof decision === 'string') {
      showError(form, [decision]);
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    form.querySelector('.form-error').hidden = true;
    const specId = encodeURIComponent(form.dataset.specId);
    const result = await postJson(`/v1/specs/${specId}/decisions`, decision);
    if (result.ok) {
      // The reopened phase is what the run works on next.
      window.location.assign(`/specs/${specId}?phase=${encodeURIComponent(phase)}`);
      return;
    }
    button.disabled = false;
    showError(form, problemLines(result.body));
  });
}
