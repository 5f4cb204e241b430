import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpProblem } from './problem';

/** Bearer-token check for the /v1 routes; with no token configured the API is open (local use). */
export function requireToken(token: string | undefined): RequestHandler {
  const expected = token && Buffer.from(`Bearer ${token}`);
  return (request, _response, next) => {
    if (!expected) return next();
    const given = Buffer.from(request.headers.authorization ?? '');
    if (given.length === expected.length && timingSafeEqual(given, expected)) return next();
    throw new HttpProblem(401, 'Unauthorized', 'Send Authorization: Bearer <SPECFORGE_API_TOKEN>', [{ field: 'Authorization', message: 'missing or wrong token' }]);
  };
}
