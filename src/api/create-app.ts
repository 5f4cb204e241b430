import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { webRouter } from '../web/web-router';
import type { ApiContext } from './api-context';
import { apiDocument } from './api-document';
import { authRoutes } from './auth/auth-routes';
import { authenticate } from './auth/authenticate';
import { SessionStore } from './auth/sessions';
import { limitBodyDepth } from './body-depth';
import { codecCors } from './codec/codec-cors';
import { codecRouter } from './codec/codec-router';
import { errorHandler } from './error-handler';
import { attachRequestLog } from './request-log';
import { unmatchedRoute } from './method-not-allowed';
import { amendmentsRouter } from './routes/amendments';
import { artifactsRouter } from './routes/artifacts';
import { decisionsRouter } from './routes/decisions';
import { phasesRouter } from './routes/phases';
import { specsRouter } from './routes/specs';
import { ticketsRouter } from './routes/tickets';
import { temporalUnavailableProblem } from './temporal-errors';
import { withTemporalDeadline } from '../runs/temporal-deadline';
import { readSpecStatus } from '../runs/read-spec-status';
import { SpecStatusCache } from '../runs/spec-status-cache';
import { apiMetrics } from '../metrics/api-metrics';
import { traceRequests } from '../telemetry/http-request-span';

export function createApp(context: ApiContext, log: Logger): Express {
  const app = express();
  const sessions = new SessionStore();
  const metrics = apiMetrics(context);
  // Polled status reads (the API's and the review page's) share one Temporal read per run (see STATUS_FRESH_FOR_MS).
  const statuses = new SpecStatusCache((id: string) => readSpecStatus(context.client, id), {
    freshForMs: context.statusFreshForMs,
  });
  // First, so every request is counted, the refused ones too.
  app.use(metrics.count);
  // A server span per request, active while the route runs: the run a route starts joins its trace.
  app.use(traceRequests());
  // Security headers (nosniff, no framing, HSTS) for an API that also serves Markdown and SVG files.
  app.use(helmet());
  // Every line written about a spec names it (and its phase and revision), refusals included.
  app.use(attachRequestLog(log));
  // Only the sign-in and sign-out forms are read before the identity check (sign-out's carries its
  // CSRF token), and they are small; every other body waits until the caller is known.
  app.use(['/signin', '/signout'], express.urlencoded({ extended: false, limit: '16kb' }));
  app.get('/healthz', async (_request, response) => {
    await withTemporalDeadline(context.client, () => context.client.workflowService.getSystemInfo({})).catch(
      (error: unknown) => {
        log.warn({ err: error }, 'health check: Temporal unavailable');
        throw temporalUnavailableProblem();
      },
    );
    response.json({ status: 'ok', temporal: 'reachable' });
  });
  const document = apiDocument();
  app.get('/openapi.json', (_request, response) => {
    response.json(document);
  });
  // Before the identity check: a browser's CORS preflight carries no credentials.
  app.use('/codec', codecCors(context.uiUrl));
  app.get('/metrics', metrics.serve);
  app.use(authenticate(context.reviewers, sessions));
  app.use(authRoutes(context.reviewers, sessions));
  app.use(codecRouter(context));
  // Large enough that an oversized feature is refused by name (422), not as an anonymous 413.
  app.use(express.json({ limit: '1mb' }));
  app.use(limitBodyDepth());
  app.use(webRouter(context, statuses));
  app.use(
    specsRouter(context, log, statuses),
    amendmentsRouter(context, statuses),
    decisionsRouter(context, statuses),
    phasesRouter(context),
    artifactsRouter(context),
    ticketsRouter(context),
  );
  app.use(unmatchedRoute(document.paths as Record<string, Record<string, unknown>>));
  app.use(errorHandler(log));
  return app;
}
