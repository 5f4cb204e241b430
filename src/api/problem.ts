import type { Response } from 'express';

export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem: what the client did wrong, naming the field; never a stack trace. */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly title: string,
    detail: string,
    readonly errors: FieldError[] = [],
    /** Response headers the problem needs, such as Retry-After on a 503 or Allow on a 405. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export function sendProblem(response: Response, problem: HttpProblem): void {
  response
    .set(problem.headers)
    .status(problem.status)
    .type('application/problem+json')
    .json({
      type: `https://specforge.dev/problems/${problem.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
      title: problem.title,
      status: problem.status,
      detail: problem.message,
      ...(problem.errors.length ? { errors: problem.errors } : {}),
    });
}
