// The phase JSON editor: a dry run on the server's validate route shows each field error beside
// the editor, and only an edit that passes is sent as the `edit` decision.
import { postJson, problemLines } from './api-client.js';
import { sendDecision, withReviewer } from './decision-form.js';

const panel = () => document.getElementById('edit-panel');

export function openEditor() {
  const editor = panel();
  if (!editor) return;
  editor.hidden = false;
  editor.scrollIntoView({ block: 'start' });
  document.getElementById('edit-content').focus();
}

export function wireEditPanel(editor) {
  editor.querySelector('[data-edit="cancel"]').addEventListener('click', () => {
    editor.hidden = true;
  });
  editor.querySelector('[data-edit="check"]').addEventListener('click', () => check(editor));
  editor.querySelector('[data-edit="send"]').addEventListener('click', async (event) => {
    const content = await check(editor);
    if (content === undefined) return;
    const form = document.getElementById('decision-form');
    const decision = withReviewer(form, { phase: form.dataset.phase, action: 'edit', content });
    if (typeof decision === 'string') {
      showErrors(editor, [{ message: decision }]);
      return;
    }
    const result = await sendDecision(form, decision, event.currentTarget);
    if (!result.ok) showErrors(editor, fieldErrors(result.body));
  });
}

/** Validates the editor's JSON on the server; returns the content when it passes, else shows why. */
async function check(editor) {
  const textarea = editor.querySelector('#edit-content');
  let content;
  try {
    content = JSON.parse(textarea.value);
  } catch (error) {
    showErrors(editor, [{ field: 'JSON', message: String(error.message) }]);
    return undefined;
  }
  const form = document.getElementById('decision-form');
  const result = await postJson(
    `/v1/specs/${encodeURIComponent(form.dataset.specId)}/phases/${encodeURIComponent(form.dataset.phase)}/validate`,
    content,
  );
  if (result.ok && result.body.valid) {
    showValid(editor);
    return content;
  }
  const errors = result.ok ? failedChecks(result.body.checks) : fieldErrors(result.body);
  showErrors(editor, errors.length ? errors : [{ message: 'The edit did not pass the checks.' }]);
  return undefined;
}

function fieldErrors(body) {
  if (Array.isArray(body?.errors) && body.errors.length)
    return body.errors.map((error) => ({ field: error.field, message: error.message }));
  return problemLines(body).map((message) => ({ message }));
}

function failedChecks(checks) {
  return (Array.isArray(checks) ? checks : [])
    .filter((check) => !check.valid)
    .flatMap((check) => check.errors.map((message) => ({ field: check.validator, message })));
}

function showErrors(editor, errors) {
  const box = editor.querySelector('#edit-errors');
  const heading = Object.assign(document.createElement('p'), {
    className: 'form-error',
    textContent: `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'}: not sent`,
  });
  const list = document.createElement('ul');
  for (const error of errors) {
    const item = document.createElement('li');
    item.className = 'field-error';
    if (error.field) item.append(Object.assign(document.createElement('code'), { textContent: error.field }), ' ');
    item.append(error.message);
    list.append(item);
  }
  box.replaceChildren(heading, list);
  editor.querySelector('#edit-content').setAttribute('aria-invalid', 'true');
}

function showValid(editor) {
  editor
    .querySelector('#edit-errors')
    .replaceChildren(
      Object.assign(document.createElement('p'), { className: 'form-ok', textContent: 'Valid: passes every check.' }),
    );
  editor.querySelector('#edit-content').removeAttribute('aria-invalid');
}
