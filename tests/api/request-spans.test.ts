import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import express from 'express';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { traceRequests } from '../../src/telemetry/http-request-span';
import { startTracing, type Tracing } from '../../src/telemetry/start-tracing';
import { waitFor } from '../helpers/wait-for';

const exporter = new InMemorySpanExporter();
let tracing: Tracing | undefined;
let base: string;
let close: () => void;

beforeAll(async () => {
  tracing = startTracing({ serviceName: 'specforge-test', exporter });
  const app = express();
  app.use(traceRequests());
  const specs = express.Router();
  specs.get('/specs/:id', (request, response) => {
    response.json({ id: request.params.id });
  });
  specs.get('/broken', () => {
    throw new Error('the store is unreadable');
  });
  app.use('/v1', specs);
  app.use((_request: express.Request, response: express.Response) => {
    response.status(404).json({ title: 'Not Found' });
  });
  app.use((_error: unknown, _request: express.Request, response: express.Response, _next: express.NextFunction) => {
    response.status(500).json({ title: 'Internal Server Error' });
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

beforeEach(() => exporter.reset());

afterAll(async () => {
  close();
  await tracing?.shutdown();
});

async function spanOf(path: string, headers: Record<string, string> = {}): Promise<ReadableSpan> {
  await (await fetch(`${base}${path}`, { headers })).text();
  return waitFor(async () => exporter.getFinishedSpans()[0], `the span of ${path}`);
}

describe('a server span per API request', () => {
  it('is named by the route template, not the path with its ids', async () => {
    const span = await spanOf('/v1/specs/spec-export-invoices-1a2b3c4d');
    expect(span.kind).toBe(SpanKind.SERVER);
    expect(span.name).toBe('GET /v1/specs/:id');
    expect(span.attributes).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/v1/specs/:id',
      'http.response.status_code': 200,
    });
    expect(span.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it('marks a 5xx as an error (error.type is the status), and a 4xx not: the caller was answered correctly', async () => {
    const broken = await spanOf('/v1/broken');
    expect(broken.attributes).toMatchObject({ 'http.response.status_code': 500, 'error.type': '500' });
    expect(broken.status.code).toBe(SpanStatusCode.ERROR);
    exporter.reset();
    const unmatched = await spanOf('/nowhere');
    expect(unmatched.name).toBe('GET');
    expect(unmatched.attributes['http.route']).toBeUndefined();
    expect(unmatched.attributes['http.response.status_code']).toBe(404);
    expect(unmatched.status.code).not.toBe(SpanStatusCode.ERROR);
  });

  it("continues the caller's trace from its traceparent header", async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const parentId = '00f067aa0ba902b7';
    const span = await spanOf('/v1/specs/x', { traceparent: `00-${traceId}-${parentId}-01` });
    expect(span.spanContext().traceId).toBe(traceId);
    expect(span.parentSpanId).toBe(parentId);
  });
});
