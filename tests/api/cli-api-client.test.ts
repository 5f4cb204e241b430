import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiRequestError, createApiClient } from '../../src/cli/api-client';

/** An API that never answers /slow, and answers /busy as specforge does while a worker is away. */
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/slow') return;
    response
      .writeHead(503, { 'content-type': 'application/problem+json', 'retry-after': '15' })
      .end(JSON.stringify({ title: 'No worker', status: 503, detail: 'No worker answered' }));
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("the CLI's API client", () => {
  it('gives up on an API that does not answer, saying which request', async () => {
    const client = createApiClient({ baseUrl, token: 't', timeoutMs: 200 });
    const failure = await client.get('/slow').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiRequestError);
    expect((failure as Error).message).toMatch(/did not answer GET \/slow/);
  });

  it('passes on when to try again after a 503', async () => {
    const failure = await createApiClient({ baseUrl, token: 't' })
      .post('/v1/specs/x/decisions', {})
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 503, message: 'No worker answered (try again in 15 s)' });
  });
});
