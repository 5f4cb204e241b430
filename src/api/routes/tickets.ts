import { readFile } from 'node:fs/promises';
import { Router } from 'express';
import { readSpecStatus } from '../../runs/read-spec-status';
import type { ApiContext } from '../api-context';
import { HttpProblem } from '../problem';
import { specIdParam } from '../spec-id-param';

export function ticketsRouter(context: ApiContext): Router {
  const router = Router();
  /** The ticket plan (shown before creation) and, once created, each ticket's key and URL. */
  router.get('/v1/specs/:id/tickets', async (request, response) => {
    const status = await readSpecStatus(context.client, specIdParam(request.params.id));
    const file = status.artifacts.find((artifact) => artifact.file === `tickets_${status.slug}.json`);
    if (!file)
      throw new HttpProblem(
        404,
        'Not found',
        `Run ${status.id} has no ticket plan yet: it is made once every phase is approved`,
      );
    const index = JSON.parse(await readFile(file.path, 'utf8'));
    response.json({ id: status.id, ...index, created: status.tickets.length ? status.tickets : index.created });
  });
  return router;
}
