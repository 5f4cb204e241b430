import { Router } from 'express';
import { startAmendment } from '../../runs/start-amendment';
import { startRetry } from '../../runs/start-retry';
import type { SpecStatusCache } from '../../runs/spec-status-cache';
import type { ApiContext } from '../api-context';
import { actingReviewer } from '../auth/acting-reviewer';
import { parseInput } from '../parse-input';
import { amendmentBody, retryBody } from '../request-schemas';
import { specIdParam } from '../spec-id-param';

/**
 * New runs from old ones: an amendment of a completed spec (a new version reopening one phase) and
 * a retry of a failed run. Like starting a run, any signed-in reviewer may; the amending reviewer
 * must be one of the run's approvers when it names any, as for a reopen decision.
 */
export function amendmentsRouter(context: ApiContext, statuses: Pick<SpecStatusCache<unknown>, 'invalidate'>): Router {
  const router = Router();
  const options = () => ({ reviewUrl: context.publicUrl, ...context.startSettings });
  const links = (id: string) => ({
    self: `/v1/specs/${id}`,
    decisions: `/v1/specs/${id}/decisions`,
    review: `/specs/${id}`,
    ...(context.uiUrl ? { temporalUi: `${context.uiUrl}/namespaces/${context.namespace}/workflows/${id}` } : {}),
  });

  router.post('/v1/specs/:id/amendments', async (request, response) => {
    const id = specIdParam(request.params.id);
    const { by, ...body } = parseInput(amendmentBody, request.body, 'body');
    const author = actingReviewer(by, response.locals.identity, 'amends');
    const started = await startAmendment(context.client, context.taskQueue, id, { ...body, by: author.by }, options());
    // The old run stays as it was; the new one is read anew, as after a start.
    statuses.invalidate(started.id);
    response
      .status(201)
      .location(`/v1/specs/${started.id}`)
      .json({ ...started, status: 'running', links: links(started.id) });
  });

  router.post('/v1/specs/:id/retry', async (request, response) => {
    const id = specIdParam(request.params.id);
    parseInput(retryBody, request.body, 'body');
    const started = await startRetry(context.client, context.taskQueue, id, options());
    statuses.invalidate(started.id);
    response
      .status(201)
      .location(`/v1/specs/${started.id}`)
      .json({ ...started, status: 'running', links: links(started.id) });
  });

  return router;
}
