import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { webRouter } from '../web/web-router';
import type { ApiContext } from './api-context';
import { apiDocument } from './api-document';
import { authRoutes } from './auth/auth-routes';
import { authenticate } from './auth/authenticate';
import { SessionStore } from './auth/sessions';
import { errorHandler } from './error-handler';
import { HttpProblem } from './problem';
import { artifactsRouter } from './routes/artifacts';
import { decisionsRouter } from './routes/decisions';
import { phasesRouter } from './routes/phases';
import { specsRouter } from './routes/specs';
import { ticketsRouter } from './routes/tickets';

export function createApp(context: ApiContext, log: Logger): Express {
  const app = express();
  const sessions = new SessionStore();
  // Security headers (nosniff, no framing, HSTS) for an API that also serves Markdown and SVG files.
  app.use(helmet());
  // The sign-in and sign-out forms; small, so nothing large is parsed before the identity check.
  app.use(express.urlencoded({ extended: false, limit: '16kb' }));
  app.get('/healthz', async (_request, response) => {
    await context.client.workflowService.getSystemInfo({}).catch(() => {
      throw new HttpProblem(503, 'Temporal unavailable', 'The Temporal server cannot be reached');
    });
    response.json({ status: 'ok', temporal: 'reachable' });
  });
  app.get('/openapi.json', (_request, response) => {
    response.json(apiDocument());
  });
  app.use(authenticate(context.reviewers, sessions));
  app.use(authRoutes(context.reviewers, sessions));
  // Large enough that an oversized feature is refused by name (422), not as an anonymous 413.
  app.use(express.json({ limit: '1mb' }));
  app.use(webRouter(context));
  app.use(
    specsRouter(context),
    decisionsRouter(context),
    phasesRouter(context),
    artifactsRouter(context),
    ticketsRouter(context),
  );
  app.use((request) => {
    throw new HttpProblem(404, 'Not found', `No route ${request.method} ${request.path}`);
  });
  app.use(errorHandler(log));
  return app;
}
