// Amend a completed spec: a new run, the next version, reopening one phase. On 201 the page
// goes to the new run's review page.
import { postJson, problemLines } from './api-client.js';
import { showError, withReviewer } from './decision-form.js';
import { reviewerName } from './reviewer-name.js';

export function wireAmendForm(form) {
  const nameInput = form.querySelector('input[name="by"]');
  if (nameInput) nameInput.value = reviewerName();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const comment = form.querySelector('#amend-comment').value.trim();
    if (!comment) {
      showError(form, ['Write a comment saying what to change: an amendment needs one.']);
      return;
    }
    const amendment = { phase: form.querySelector('#amend-phase').value, comment };
    if (form.querySelector('#amend-close-removed')?.checked) amendment.closeRemoved = true;
    const body = withReviewer(form, amendment);
    if (typeof body === 'string') {
      showError(form, [body]);
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    form.querySelector('.form-error').hidden = true;
    const result = await postJson(`/v1/specs/${encodeURIComponent(form.dataset.specId)}/amendments`, body);
    if (result.ok && typeof result.body?.links?.review === 'string' && result.body.links.review.startsWith('/specs/')) {
      window.location.assign(result.body.links.review);
      return;
    }
    button.disabled = false;
    showError(
      form,
      problemLines(result.ok ? { detail: 'The amendment started, but its page was not named.' } : result.body),
    );
  });
}
