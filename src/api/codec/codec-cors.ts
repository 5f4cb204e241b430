import type { RequestHandler } from 'express';

/** What the Temporal UI's codec fetch sends: JSON, its namespace, and the UI's token when it passes one. */
const ALLOWED_HEADERS = 'content-type, x-namespace, authorization';

/**
 * CORS for the codec endpoint, mounted before the identity check: a browser's preflight carries no
 * cookie or token, so it is answered here. Only the Temporal UI's origin (TEMPORAL_UI_URL, or the
 * dev server's UI) gets `Access-Control-Allow-Origin`, with credentials, so only that page may read
 * decoded payloads through a signed-in reviewer's browser; every other origin gets no CORS headers.
 */
export function codecCors(uiUrl: string | undefined): RequestHandler {
  const allowed = originOf(uiUrl);
  return (request, response, next) => {
    // Caches must not hand one origin's answer to another.
    response.vary('Origin');
    if (allowed && request.headers.origin === allowed) {
      response.set({ 'Access-Control-Allow-Origin': allowed, 'Access-Control-Allow-Credentials': 'true' });
    }
    if (request.method !== 'OPTIONS') return next();
    if (allowed && request.headers.origin === allowed) {
      response.set({
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      });
    }
    response.set('Allow', 'POST, OPTIONS').status(204).end();
  };
}

function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
