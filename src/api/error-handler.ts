import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { DecisionRefusedError } from '../runs/decide-spec';
import { SpecNotFoundError } from '../runs/read-spec-status';
import { HttpProblem, sendProblem } from './problem';

/** Every error becomes a problem document; only unexpected ones are logged, and never sent. */
export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    sendProblem(response, toProblem(error, log, `${request.method} ${request.path}`));
  };
}

function toProblem(error: unknown, log: Logger, route: string): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof SpecNotFoundError)
    return new HttpProblem(404, 'Not found', error.message, [{ field: 'id', message: 'no such run' }]);
  if (error instanceof DecisionRefusedError) {
    const status = { conflict: 409, invalid: 422, forbidden: 403, no_worker: 503 }[error.kind];
    const title = {
      conflict: 'Decision conflict',
      invalid: 'Invalid decision',
      forbidden: 'Forbidden',
      no_worker: 'No worker',
    }[error.kind];
    return new HttpProblem(
      status,
      title,
      error.message,
      error.field ? [{ field: error.field, message: error.message }] : [],
    );
  }
  const bodyError = error as { type?: string; status?: number };
  if (bodyError.type === 'entity.parse.failed')
    return new HttpProblem(400, 'Malformed JSON', 'The request body is not valid JSON', [
      { field: 'body', message: 'not valid JSON' },
    ]);
  if (bodyError.type === 'entity.too.large')
    return new HttpProblem(413, 'Body too large', 'The request body is larger than 1 MB', [
      { field: 'body', message: 'too large' },
    ]);
  if ((error as { code?: number }).code === 14)
    return new HttpProblem(503, 'Temporal unavailable', 'The Temporal server cannot be reached; try again shortly');
  log.error({ err: error, route }, 'unexpected error');
  return new HttpProblem(500, 'Internal error', 'Something went wrong on our side; it has been logged');
}
