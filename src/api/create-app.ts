import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { ApiContext } from './api-context';
import { apiDocument } from './api-document';
import { errorHandler } from './error-handler';
import { HttpProblem } from './problem';
import { requireToken } from './require-token';
import { artifactsRouter } from './routes/artifacts';
import { decisionsRouter } from './routes/decisions';
import { specsRouter } from './routes/specs';
import { ticketsRouter } from './routes/tickets';

export function createApp(context: ApiContext, log: Logger): Express {
  const app = express();
  // Security headers (nosniff, no framing, HSTS) for an API that also serves Markdown and SVG files.
  app.use(helmet());
  // Large enough that an oversized feature is refused by name (422), not as an anonymous 413.
  app.use(express.json({ limit: '1mb' }));
  app.get('/healthz', async (_request, response) => {
    await context.client.workflowService.getSystemInfo({}).catch(() => {
      throw new HttpProblem(503, 'Temporal unavailable', 'The Temporal server cannot be reached');
    });
    response.json({ status: 'ok', temporal: 'reachable' });
  });
  app.get('/openapi.json', (_request, response) => {
    response.json(apiDocument());
  });
  app.use('/v1', requireToken(context.apiToken));
  app.use(specsRouter(context), decisionsRouter(context), artifactsRouter(context), ticketsRouter(context));
  app.use((request) => {
    throw new HttpProblem(404, 'Not found', `No route ${request.method} ${request.path}`);
  });
  app.use(errorHandler(log));
  return app;
}
