import type { RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { SPEC_ID_PATTERN } from '../runs/spec-id';
import { isGateName } from '../shared/decision';

/**
 * Paths about one spec: the API's /v1/specs/:id… and the review page's /specs/:id…, with the phase
 * and revision where the path names them.
 */
const SPEC_PATH = /^\/(?:v1\/)?specs\/([^/]+)(?:\/phases\/([^/]+)(?:\/revisions\/([^/]+))?)?/;

/**
 * Gives each request its logger: for a request about a spec, a child carrying `specId` (and `phase`
 * and `revision` when the path has them), so every line written while serving it, the error
 * handler's included, can be found by the spec id. Runs before routing, so a refusal (401, 404) is
 * attributed too. Only values of the right shape are taken: a path is caller input.
 */
export function attachRequestLog(log: Logger): RequestHandler {
  return (request, response, next) => {
    const [, specId, phase, revision] = SPEC_PATH.exec(request.path) ?? [];
    response.locals.log =
      specId && SPEC_ID_PATTERN.test(specId)
        ? log.child({
            specId,
            ...(isGateName(phase) ? { phase } : {}),
            ...(revision && /^[1-9][0-9]{0,8}$/.test(revision) ? { revision: Number(revision) } : {}),
          })
        : log;
    next();
  };
}

/** The request's logger, once `attachRequestLog` ran; the app's own otherwise. */
export function requestLog(response: Response, fallback: Logger): Logger {
  return (response.locals?.log as Logger | undefined) ?? fallback;
}

/** A start names its spec only once the id is made: the rest of the request's lines carry it. */
export function attributeToSpec(response: Response, fallback: Logger, specId: string): Logger {
  const child = requestLog(response, fallback).child({ specId });
  response.locals.log = child;
  return child;
}
