import type { RequestHandler } from 'express';
import { Registry } from 'prom-client';
import type { ApiContext } from '../api/api-context';
import { bearerToken } from '../api/auth/bearer-token';
import { HttpProblem } from '../api/problem';
import { httpMetrics } from './http-metrics';
import { metricsExposition } from './metrics-exposition';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus-text';
import { runsWaitingGauge } from './runs-waiting';

/**
 * The API's metrics: `count` goes first in the app (every request is counted, refused ones too);
 * `serve` answers GET /metrics. The request and runs-waiting families live in this app's own
 * registry, so two apps in one process (the tests) never share or clash over them.
 */
export function apiMetrics(context: Pick<ApiContext, 'client' | 'taskQueue' | 'reviewers'>): {
  count: RequestHandler;
  serve: RequestHandler;
} {
  const registry = new Registry();
  const count = httpMetrics(registry);
  runsWaitingGauge(registry, context.client, context.taskQueue);
  const serve: RequestHandler = async (request, response) => {
    // No payload text is exposed, but run counts, models and costs are the team's business: with
    // identities configured a scraper sends a token (Prometheus: `authorization.credentials_file`).
    // Checked here rather than by the page's sign-in flow, since a scraper cannot follow a redirect to a form.
    if (context.reviewers) {
      const bearer = bearerToken(request);
      if (!bearer || !context.reviewers.identify(bearer)) {
        throw new HttpProblem(401, 'Unauthorized', 'Send Authorization: Bearer <a reviewer or service token>', [
          { field: 'Authorization', message: bearer ? 'unknown token' : 'missing token' },
        ]);
      }
    }
    response.type(PROMETHEUS_CONTENT_TYPE).send(await metricsExposition([registry]));
  };
  return { count, serve };
}
