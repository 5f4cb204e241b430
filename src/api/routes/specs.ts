import { Router } from 'express';
import type { Logger } from 'pino';
import { saveProjectContext } from '../../activities/context/save-project-context';
import { draftPackFiles } from '../../review/draft-pack';
import { listSpecs } from '../../runs/list-specs';
import { readSpecStatus } from '../../runs/read-spec-status';
import type { SpecStatusCache } from '../../runs/spec-status-cache';
import { startSpec } from '../../runs/start-spec';
import { specIdFor } from '../../runs/spec-id';
import { TemporalDeadlineError, withTemporalDeadline } from '../../runs/temporal-deadline';
import type { ApiContext } from '../api-context';
import { parseInput } from '../parse-input';
import { HttpProblem } from '../problem';
import { publicStatusText } from '../public-status-text';
import { attributeToSpec, requestLog } from '../request-log';
import { createSpecBody, listSpecsQuery } from '../request-schemas';
import { specIdParam } from '../spec-id-param';
import { refuseUnconfiguredTarget } from '../ticket-credentials';

/** Starting a run is one quick call on a healthy server; past this Temporal is reported unavailable (503). */
const START_DEADLINE_MS = 1_800;

export function specsRouter(
  context: ApiContext,
  log: Logger,
  statuses: SpecStatusCache<Awaited<ReturnType<typeof readSpecStatus>>>,
): Router {
  const router = Router();

  router.post('/v1/specs', async (request, response) => {
    const { context: contextText, ...body } = parseInput(createSpecBody, request.body, 'body');
    refuseUnconfiguredTarget(body.tickets?.target, context.missingTicketCredentials);
    // Stored where the worker reads it; the run carries only its reference and hash.
    const project = contextText?.trim()
      ? await saveProjectContext(context.store, { text: contextText, source: 'request' })
      : undefined;
    const id = specIdFor(context.client, body.feature);
    attributeToSpec(response, log, id);
    const start = () =>
      startSpec(
        context.client,
        context.taskQueue,
        { ...body, ...(project ? { context: project } : {}) },
        { reviewUrl: context.publicUrl, id, ...context.startSettings },
      );
    await withTemporalDeadline(context.client, start, START_DEADLINE_MS).catch(async (error: unknown) => {
      // A slow server may have started the run after the deadline: answering 503 then would make the
      // caller start a second one. Known by its id, the run is looked for before Temporal is reported down.
      if (!(error instanceof TemporalDeadlineError)) throw error;
      await withTemporalDeadline(context.client, () => context.client.workflow.getHandle(id).describe()).catch(() => {
        throw error;
      });
    });
    // A status read of this id before it started (a 404) is never kept; dropped anyway, as after any change made here.
    statuses.invalidate(id);
    response
      .status(201)
      .location(`/v1/specs/${id}`)
      .json({
        id,
        feature: body.feature,
        gates: body.gates ?? 'each',
        status: 'running',
        ...(project
          ? { context: { source: project.source, sha256: project.sha256, characters: project.characters } }
          : {}),
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
    const status = publicStatusText(await statuses.get(specIdParam(request.params.id)), (original) =>
      requestLog(response, log).warn({ original }, 'internal error text withheld from the API'),
    );
    const { decisions, artifacts, ...rest } = status;
    response.json({
      ...rest,
      phases: status.phases.map(({ name, state, revision, summary }) => ({ name, state, revision, summary })),
      artifacts: [
        ...artifacts.map(({ file, bytes, sha256, summary }) => ({
          file,
          bytes,
          sha256,
          summary,
          href: `/v1/specs/${status.id}/artifacts/${file}`,
        })),
        // While the run is open: the pack as it stands, rendered on request from the approved and pending phases.
        ...draftPackFiles(status).map(({ file, summary }) => ({
          file,
          summary,
          draft: true,
          href: `/v1/specs/${status.id}/artifacts/${file}`,
        })),
      ],
      decisions,
    });
  });

  router.post('/v1/specs/:id/cancel', async (request, response) => {
    const id = specIdParam(request.params.id);
    if (context.reviewers && response.locals.identity?.role !== 'admin') {
      throw new HttpProblem(403, 'Forbidden', 'Only an admin may cancel a run; a reviewer can abort it at its gate', [
        { field: 'Authorization', message: 'needs the admin role' },
      ]);
    }
    const status = await readSpecStatus(context.client, id);
    if (status.temporalStatus === 'RUNNING')
      await withTemporalDeadline(context.client, () => context.client.workflow.getHandle(id).cancel()).finally(() =>
        statuses.invalidate(id),
      );
    response.status(202).json({ id, status: status.temporalStatus === 'RUNNING' ? 'cancelling' : status.status });
  });

  return router;
}
