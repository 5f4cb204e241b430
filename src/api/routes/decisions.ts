import { Router } from 'express';
import { storeDecisionContent } from '../../activities/run-state/decision-content';
import { decideSpec } from '../../runs/decide-spec';
import type { SpecStatusCache } from '../../runs/spec-status-cache';
import { oversizeDecision, oversizeMessage } from '../../shared/decision-size';
import type { ApiContext } from '../api-context';
import { authorDecision } from '../auth/decision-author';
import { parseInput } from '../parse-input';
import { HttpProblem } from '../problem';
import { decisionBody } from '../request-schemas';
import { specIdParam } from '../spec-id-param';

export function decisionsRouter(context: ApiContext, statuses: Pick<SpecStatusCache<unknown>, 'invalidate'>): Router {
  const router = Router();
  router.post('/v1/specs/:id/decisions', async (request, response) => {
    const id = specIdParam(request.params.id);
    const body = parseInput(decisionBody, request.body, 'body');
    // The run takes no larger decision; refused here, it never reaches the run's history.
    const oversize = oversizeDecision(body);
    if (oversize)
      throw new HttpProblem(413, 'Decision too large', oversizeMessage(oversize.bytes), [
        { field: oversize.field, message: oversizeMessage(oversize.bytes) },
      ]);
    const author = (sent: typeof body) =>
      authorDecision(request, id, sent, response.locals.identity, context.decisionKey);
    // Refused (403) before anything is stored.
    author(body);
    // Once the run is known to be open, an edit's content goes to the store the worker reads; the
    // decision (and its proof) carries the reference.
    // Decided here, read here next: the reviewer's next GET reads the run again, never the cache.
    const decided = await decideSpec(context.client, id, async () =>
      author(await storeDecisionContent(context.store, id, body)),
    ).finally(() => statuses.invalidate(id));
    response.json(decided);
  });
  return router;
}
