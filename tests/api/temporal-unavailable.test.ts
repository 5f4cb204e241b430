import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createApp } from '../../src/api/create-app';
import { startDevServer, type DevServer } from '../../src/temporal/dev-server';
import { findTemporalCli } from '../../src/temporal/find-temporal-cli';
import { freePort } from '../helpers/free-port';

/** The API on 127.0.0.1 with a client for `address`, connected lazily (as when Temporal goes away later). */
async function apiFor(address: string) {
  const connection = Connection.lazy({ address });
  const client = new Client({ connection });
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-unavailable-'));
  const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
  const app = createApp({ client, namespace: 'default', taskQueue: 'unavailable', store }, pino({ level: 'silent' }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    async call(method: string, url: string, body?: unknown) {
      const response = await fetch(`${base}${url}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, headers: response.headers, json: await response.json() };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // A call the API gave up on still has one retry of the client's back-off pending (then it
      // meets its deadline); closing the channel under it would throw from the client's timer.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await connection.close();
    },
  };
}

type Api = Awaited<ReturnType<typeof apiFor>>;

function expectUnavailable(response: { status: number; headers: Headers; json: any }) {
  expect(response.status).toBe(503);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(response.json).toMatchObject({ status: 503, title: 'Temporal unavailable' });
}

/** Every route that reads or starts runs, as a caller would try them while Temporal is away. */
async function expectEveryRouteUnavailable(api: Api) {
  expectUnavailable(await api.call('GET', '/healthz'));
  expectUnavailable(await api.call('GET', '/v1/specs'));
  expectUnavailable(await api.call('GET', '/v1/specs/spec-audit-log-0123abcd'));
  expectUnavailable(await api.call('GET', '/v1/specs/spec-audit-log-0123abcd/phases/requirements'));
  expectUnavailable(await api.call('POST', '/v1/specs/spec-audit-log-0123abcd/cancel'));
  expectUnavailable(await api.call('POST', '/v1/specs', { feature: 'Add an audit log' }));
}

// The client retries an unreachable server for about 20 s; the bound below fails the test long before.
describe('with no Temporal server listening', { timeout: 20_000 }, () => {
  let api: Api;
  beforeAll(async () => {
    api = await apiFor(`127.0.0.1:${await freePort()}`);
  });
  afterAll(() => api.close());

  it('answers 503 with Retry-After on health and on every /v1 route', async () => {
    await expectEveryRouteUnavailable(api);
  });

  it('still refuses a malformed cursor as the caller’s mistake (422), without asking Temporal', async () => {
    const response = await api.call('GET', '/v1/specs?cursor=AAAA');
    expect(response.status).toBe(422);
    expect(response.json.errors.map((error: { field: string }) => error.field)).toContain('cursor');
  });
});

describe('when the Temporal server stops while the API runs', { timeout: 60_000 }, () => {
  let server: DevServer;
  let api: Api;
  beforeAll(async () => {
    const cli = await findTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH });
    server = await startDevServer({ cli, port: await freePort() });
    api = await apiFor(server.address);
  });
  afterAll(async () => {
    await api.close();
    await server.stop();
  });

  it('is healthy while the server runs, then answers 503 with Retry-After once it has stopped', async () => {
    const healthy = await api.call('GET', '/healthz');
    expect(healthy.status).toBe(200);
    expect((await api.call('GET', '/v1/specs')).status).toBe(200);
    await server.stop();
    await expectEveryRouteUnavailable(api);
  });
});
