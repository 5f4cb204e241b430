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
import { errorHandler } from './error-handler';
import { unmatchedRoute } from './method-not-allowed';
import { artifactsRouter } from './routes/artifacts';
import { decisionsRouter } from './routes/decisions';
import { phasesRouter } from './routes/phases';
import { specsRouter } from './routes/specs';
import { ticketsRouter } from './routes/tickets';
import { temporalUnavailableProblem } from './temporal-errors';
import { withTemporalDeadline } from '../runs/temporal-deadline';

export function createApp(context: ApiContext, log: Logger): Express {
  const app = express();
  const sessions = new SessionStore();
  // Security headers (nosniff, no framing, HSTS) for an API that also serves Markdown and SVG files.
  app.use(helmet());
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
  app.use(authenticate(context.reviewers, sessions));
  app.use(authRoutes(context.reviewers, sessions));
  // Large enough that an oversized feature is refused by name (422), not as an anonymous 413.
  app.use(express.json({ limit: '1mb' }));
  app.use(limitBodyDepth());
  app.use(webRouter(context));
  app.use(
    specsRouter(context, log),
    decisionsRouter(context),
    phasesRouter(context),
    artifactsRouter(context),
    ticketsRouter(context),
  );
  app.use(unmatchedRoute(document.paths as Record<string, Record<string, unknown>>));
  app.use(errorHandler(log));
  return app;
}
