import { timingSafeEqual } from 'node:crypto';
import { parse as parseCookies } from 'cookie';
import type { Request, RequestHandler } from 'express';
import { HttpProblem } from '../problem';
import { bearerToken } from './bearer-token';
import type { ReviewerDirectory } from './reviewer-directory';
import { SESSION_COOKIE, type SessionStore } from './sessions';

/** Paths anyone may reach: health, the contract, sign-in, and the page's static files. */
const PUBLIC_PATHS = [/^\/healthz$/, /^\/openapi\.json$/, /^\/signin$/, /^\/assets\//];
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * The codec endpoint takes the Temporal UI's credentialed fetch, which cannot carry the page's CSRF
 * token. Encoding and decoding change nothing, and the SameSite=Strict cookie and CORS for the UI's
 * origin alone keep any other site from reading what it answers.
 */
const CSRF_FREE_PATHS = [/^\/codec\/(?:encode|decode)$/];

/**
 * With reviewers configured, every request but the public ones needs a bearer token or a session;
 * sets `response.locals.identity` (and `csrfToken` for sessions). Session POSTs must carry the
 * CSRF token. With no reviewers configured, specforge is a local single-user tool and stays open.
 */
export function authenticate(reviewers: ReviewerDirectory | undefined, sessions: SessionStore): RequestHandler {
  return (request, response, next) => {
    if (!reviewers) return next();
    const bearer = bearerToken(request);
    if (request.headers.authorization !== undefined) {
      const identity = bearer ? reviewers.identify(bearer) : undefined;
      if (!identity)
        throw new HttpProblem(401, 'Unauthorized', 'The token is not a configured reviewer or service token', [
          { field: 'Authorization', message: 'unknown token' },
        ]);
      response.locals.identity = { ...identity, via: 'token' };
      return next();
    }
    const sessionId = parseCookies(request.headers.cookie ?? '')[SESSION_COOKIE];
    const session = sessions.find(sessionId);
    if (session) {
      const csrfFree =
        SAFE_METHODS.has(request.method) || CSRF_FREE_PATHS.some((pattern) => pattern.test(request.path));
      if (!csrfFree && !sameToken(csrfTokenOf(request), session.csrfToken)) {
        throw new HttpProblem(
          403,
          'Forbidden',
          "This form or request lacks the page's CSRF token; reload the page and try again",
          [{ field: 'x-csrf-token', message: 'missing or wrong' }],
        );
      }
      Object.assign(response.locals, { identity: session.identity, csrfToken: session.csrfToken, sessionId });
      return next();
    }
    if (PUBLIC_PATHS.some((pattern) => pattern.test(request.path))) return next();
    if (request.path.startsWith('/v1/') || request.method !== 'GET' || !request.accepts('html')) {
      throw new HttpProblem(401, 'Unauthorized', 'Send Authorization: Bearer <your token>, or sign in at /signin', [
        { field: 'Authorization', message: 'missing token' },
      ]);
    }
    response.redirect(303, `/signin?next=${encodeURIComponent(request.originalUrl)}`);
  };
}

function csrfTokenOf(request: Request): string {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const field = (request.body as { _csrf?: unknown } | undefined)?._csrf;
  return typeof field === 'string' ? field : '';
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
