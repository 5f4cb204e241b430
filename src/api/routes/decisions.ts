import { Router } from 'express';
import { decideSpec } from '../../runs/decide-spec';
import type { ApiContext } from '../api-context';
import { parseInput } from '../parse-input';
import { decisionBody } from '../request-schemas';
import { specIdParam } from '../spec-id-param';

export function decisionsRouter(context: ApiContext): Router {
  const router = Router();
  router.post('/v1/specs/:id/decisions', async (request, response) => {
    const id = specIdParam(request.params.id);
    const decision = parseInput(decisionBody, request.body, 'body');
    response.json(await decideSpec(context.client, id, decision));
  });
  return router;
}
