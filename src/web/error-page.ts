import type { ErrorRequestHandler } from 'express';
import { HttpProblem } from '../api/problem';
import { SpecNotFoundError } from '../runs/read-spec-status';
import { html } from './html';
import { setPageHeaders } from './page-headers';
import { pageLayout } from './page-layout';
import { viewerOf } from './viewer';

/**
 * A page's 4xx as HTML for a browser, naming the field like the problem document would; JSON
 * clients and unexpected errors go on to the API's problem handler.
 */
export function pageErrors(signedInMode: boolean): ErrorRequestHandler {
  return (error, request, response, next) => {
    const problem =
      error instanceof SpecNotFoundError
        ? new HttpProblem(404, 'Not found', error.message, [{ field: 'id', message: 'no such run' }])
        : error;
    if (
      !(problem instanceof HttpProblem) ||
      problem.status >= 500 ||
      !request.accepts(['json', 'html']) ||
      request.accepts(['json', 'html']) === 'json'
    ) {
      next(error);
      return;
    }
    const body = html`<section class="problem">
      <h1>${problem.title}</h1>
      <p>${problem.message}</p>
      ${
        problem.errors.length
          ? html`<ul>
              ${problem.errors.map((fieldError) => html`<li><code>${fieldError.field}</code>: ${fieldError.message}</li>`)}
            </ul>`
          : ''
      }
      <p><a href="/">Back to the runs</a></p>
    </section>`;
    setPageHeaders(response);
    response
      .status(problem.status)
      .type('html')
      .send(pageLayout({ title: problem.title, viewer: viewerOf(response, signedInMode), body }));
  };
}
