import { Router } from 'express';
import { decideSpec } from '../../runs/decide-spec';
import type { ApiContext } from '../api-context';
import { authorDecision } from '../auth/decision-author';
import { parseInput } from '../parse-input';
import { decisionBody } from '../request-schemas';
import { specIdParam } from '../spec-id-param';

export function decisionsRouter(context: ApiContext): Router {
  const router = Router();
  router.post('/v1/specs/:id/decisions', async (request, response) => {
    const id = specIdParam(request.params.id);
    const body = parseInput(decisionBody, request.body, 'body');
    const decision = authorDecision(request, id, body, response.locals.identity, context.decisionKey);
    response.json(await decideSpec(context.client, id, decision));
  });
  return router;
}
