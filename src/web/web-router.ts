import { Router } from 'express';
import type { ApiContext } from '../api/api-context';
import { readSpecStatus } from '../runs/read-spec-status';
import type { SpecStatusCache } from '../runs/spec-status-cache';
import { specIdParam } from '../api/spec-id-param';
import { assetsRouter } from './assets-router';
import { pageErrors } from './error-page';
import { setPageHeaders } from './page-headers';
import { loadRunList } from './run-list';
import { runState } from './run-state';
import { runsPage } from './runs-page';
import { readPackFile } from './pack-file';
import { packFilePage } from './pack-file-page';
import { localPath, signinPage } from './signin-page';
import { artifactLinksOf } from './artifact-list';
import { loadSpecPage } from './spec-page-data';
import { specPage } from './spec-page';
import { viewerOf } from './viewer';

/**
 * The review page: server-rendered HTML, a tiny state endpoint it polls, and its static assets.
 * With reviewers configured, the auth middleware before this router has already sent anyone not
 * signed in to /signin (pages) or answered 401 (the state endpoint, asked for JSON). The state
 * endpoint answers from the API's status cache: however many tabs poll a run, one Temporal read
 * per freshness bound; a page itself is read fresh.
 */
export function webRouter(
  context: ApiContext,
  statuses: Pick<SpecStatusCache<Awaited<ReturnType<typeof readSpecStatus>>>, 'get'>,
): Router {
  const router = Router();
  const signedInMode = context.reviewers !== undefined;
  router.use(assetsRouter());

  router.get('/signin', (request, response) => {
    setPageHeaders(response);
    response.type('html').send(
      signinPage({
        next: localPath(request.query.next),
        error: request.query.error === '1',
        viewer: viewerOf(response, signedInMode),
      }),
    );
  });

  router.get('/', async (_request, response) => {
    setPageHeaders(response);
    response.type('html').send(runsPage(await loadRunList(context), viewerOf(response, signedInMode)));
  });

  router.get('/specs/:id', async (request, response) => {
    setPageHeaders(response);
    const data = await loadSpecPage(context, specIdParam(request.params.id), request.query);
    const temporalUi = context.uiUrl
      ? `${context.uiUrl}/namespaces/${context.namespace}/workflows/${encodeURIComponent(data.status.id)}`
      : undefined;
    response
      .type('html')
      .send(specPage(data, artifactLinksOf(data.status), viewerOf(response, signedInMode), temporalUi));
  });

  router.get('/specs/:id/files/:file', async (request, response) => {
    setPageHeaders(response);
    const status = await readSpecStatus(context.client, specIdParam(request.params.id));
    response
      .type('html')
      .send(
        packFilePage(
          status,
          await readPackFile(context, status, request.params.file),
          viewerOf(response, signedInMode),
        ),
      );
  });

  router.get('/specs/:id/state', async (request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    response.json(runState(await statuses.get(specIdParam(request.params.id))));
  });

  router.use(pageErrors(signedInMode));
  return router;
}
