import { Router } from 'express';
import { draftPackFiles } from '../../review/draft-pack';
import { listSpecs } from '../../runs/list-specs';
import { readSpecStatus } from '../../runs/read-spec-status';
import { startSpec } from '../../runs/start-spec';
import type { ApiContext } from '../api-context';
import { parseInput } from '../parse-input';
import { HttpProblem } from '../problem';
import { createSpecBody, listSpecsQuery } from '../request-schemas';
import { specIdParam } from '../spec-id-param';

export function specsRouter(context: ApiContext): Router {
  const router = Router();

  router.post('/v1/specs', async (request, response) => {
    const body = parseInput(createSpecBody, request.body, 'body');
    const id = await startSpec(context.client, context.taskQueue, body, { reviewUrl: context.publicUrl });
    response.status(201).location(`/v1/specs/${id}`).json({
      id,
      feature: body.feature,
      gates: body.gates ?? 'each',
      status: 'running',
      links: {
        self: `/v1/specs/${id}`,
        decisions: `/v1/specs/${id}/decisions`,
        review: `/specs/${id}`,
        ...(context.uiUrl ? { temporalUi: `${context.uiUrl}/namespaces/${context.namespace}/workflows/${id}` } : {}),
      },
    });
  });

  router.get('/v1/specs', async (request, response) => {
    const query = parseInput(listSpecsQuery, request.query, 'query');
    response.json(await listSpecs(context.client, context.namespace, query));
  });

  router.get('/v1/specs/:id', async (request, response) => {
    const status = await readSpecStatus(context.client, specIdParam(request.params.id));
    const { decisions, artifacts, ...rest } = status;
    response.json({
      ...rest,
      phases: status.phases.map(({ name, state, revision, summary }) => ({ name, state, revision, summary })),
      artifacts: [
        ...artifacts.map(({ file, bytes, sha256, summary }) => ({ file, bytes, sha256, summary, href: `/v1/specs/${status.id}/artifacts/${file}` })),
        // While the run is open: the pack as it stands, rendered on request from the approved and pending phases.
        ...draftPackFiles(status).map(({ file, summary }) => ({ file, summary, draft: true, href: `/v1/specs/${status.id}/artifacts/${file}` })),
      ],
      decisions,
    });
  });

  router.post('/v1/specs/:id/cancel', async (request, response) => {
    const id = specIdParam(request.params.id);
    if (context.reviewers && response.locals.identity?.role !== 'admin') {
      throw new HttpProblem(403, 'Forbidden', 'Only an admin may cancel a run; a reviewer can abort it at its gate', [{ field: 'Authorization', message: 'needs the admin role' }]);
    }
    const status = await readSpecStatus(context.client, id);
    if (status.temporalStatus === 'RUNNING') await context.client.workflow.getHandle(id).cancel();
    response.status(202).json({ id, status: status.temporalStatus === 'RUNNING' ? 'cancelling' : status.status });
  });

  return router;
}
