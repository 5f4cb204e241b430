import { Router } from 'express';
import type { Identity } from './identity';
import type { ReviewerDirectory } from './reviewer-directory';
import { SESSION_COOKIE, SESSION_MAX_AGE_MS, type SessionStore } from './sessions';

/** Sign-in exchanges a token for a session cookie (HttpOnly, SameSite=Strict); sign-out ends it. */
export function authRoutes(reviewers: ReviewerDirectory | undefined, sessions: SessionStore): Router {
  const router = Router();
  router.post('/signin', (request, response) => {
    const body = (request.body ?? {}) as { token?: unknown; next?: unknown };
    const next = safeNext(body.next);
    const identity = reviewers && typeof body.token === 'string' ? reviewers.identify(body.token.trim()) : undefined;
    if (!identity) return response.redirect(303, `/signin?error=1&next=${encodeURIComponent(next)}`);
    const { id } = sessions.create(identity);
    response.cookie(SESSION_COOKIE, id, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      path: '/',
      maxAge: SESSION_MAX_AGE_MS,
    });
    response.redirect(303, next);
  });
  /** Who the caller is, and for a session the CSRF token its POSTs must carry. */
  router.get('/v1/session', (_request, response) => {
    const identity = response.locals.identity as Identity | undefined;
    response.json(
      identity ? { ...identity, csrfToken: response.locals.csrfToken } : { name: null, role: null, mode: 'local' },
    );
  });
  router.post('/signout', (request, response) => {
    sessions.end(response.locals.sessionId as string | undefined);
    response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/' });
    response.redirect(303, '/signin');
  });
  return router;
}

/** Only a path on this site: never `//host` or a scheme, so sign-in cannot redirect elsewhere. */
function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) ? value : '/';
}
