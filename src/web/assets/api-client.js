// Requests the page makes to the API: JSON in and out, the CSRF token when signed in with a session.

const csrfToken = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';

/** POSTs JSON; resolves to {ok, status, body} with the parsed answer (problem documents included). */
export async function postJson(url, payload) {
  const headers = { 'content-type': 'application/json', accept: 'application/json, application/problem+json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response;
  try {
    response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(payload), credentials: 'same-origin' });
  } catch (error) {
    return { ok: false, status: 0, body: { title: 'Network error', detail: String(error) } };
  }
  const text = await response.text();
  let body;
  try {
    body = text ? JSON.parse(text) : {};
  } catch {
    body = { title: `HTTP ${response.status}`, detail: text.slice(0, 300) };
  }
  return { ok: response.ok, status: response.status, body };
}

/** A problem document as lines a person can read: the detail, then each field and its message. */
export function problemLines(body) {
  const lines = [body?.detail || body?.title || 'The request failed'];
  for (const error of Array.isArray(body?.errors) ? body.errors : []) lines.push(`${error.field}: ${error.message}`);
  return lines;
}
