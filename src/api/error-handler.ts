import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { BasisRefusedError } from '../runs/basis-refused-error';
import { DecisionRefusedError } from '../runs/decide-spec';
import { InvalidCursorError } from '../runs/page-cursor';
import { SpecNotFoundError } from '../runs/read-spec-status';
import { bodyProblem } from './body-errors';
import { HttpProblem, sendProblem } from './problem';
import { isInternalText } from './public-message';
import { requestLog } from './request-log';
import { isRunStateConflict, isTemporalUnavailable, temporalUnavailableProblem } from './temporal-errors';

/** Every error becomes a problem document; only unexpected ones are logged, and never sent. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    sendProblem(response, toProblem(error, requestLog(response, log), `${request.method} ${request.path}`));
  };
}

function toProblem(error: unknown, log: Logger, route: string): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof SpecNotFoundError)
    return new HttpProblem(404, 'Not found', error.message, [{ field: 'id', message: 'no such run' }]);
  if (error instanceof InvalidCursorError)
    return new HttpProblem(422, 'Invalid request', error.message, [{ field: 'cursor', message: error.message }]);
  if (error instanceof DecisionRefusedError) return decisionProblem(error, log, route);
  if (error instanceof BasisRefusedError)
    return new HttpProblem(
      error.kind === 'conflict' ? 409 : 403,
      error.kind === 'conflict' ? 'Run conflict' : 'Forbidden',
      error.message,
      error.field ? [{ field: error.field, message: error.message }] : [],
    );
  const body = bodyProblem(error);
  if (body) return body;
  if (isTemporalUnavailable(error)) {
    log.warn({ err: error, route }, 'Temporal unavailable');
    return temporalUnavailableProblem();
  }
  if (isRunStateConflict(error)) {
    log.warn({ err: error, route }, 'Temporal refused: the run is not in a state to take this');
    return new HttpProblem(
      409,
      'Run not ready',
      "Temporal refused this in the run's current state; the run's history in the Temporal UI says why",
    );
  }
  log.error({ err: error, route }, 'unexpected error');
  return new HttpProblem(500, 'Internal error', 'Something went wrong on our side; it has been logged');
}

function decisionProblem(error: DecisionRefusedError, log: Logger, route: string): HttpProblem {
  const status = { conflict: 409, invalid: 422, forbidden: 403, no_worker: 503 }[error.kind];
  const title = {
    conflict: 'Decision conflict',
    invalid: 'Invalid decision',
    forbidden: 'Forbidden',
    no_worker: 'No worker',
  }[error.kind];
  // A refusal's text comes from the run; one that reads as an internal error is logged, not sent.
  let detail = error.message;
  if (isInternalText(detail)) {
    log.warn({ err: error, route }, 'decision refused with an internal message');
    detail =
      error.field === 'content'
        ? 'The edited content does not match the phase: check it first with POST /v1/specs/{id}/phases/{phase}/validate'
        : 'The run refused the decision; the reason has been logged';
  }
  return new HttpProblem(
    status,
    title,
    detail,
    error.field ? [{ field: error.field, message: detail }] : [],
    error.kind === 'no_worker' ? { 'Retry-After': '15' } : {},
  );
}
