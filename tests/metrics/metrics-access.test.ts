import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createApp } from '../../src/api/create-app';
import type { ApiServer } from '../helpers/api-server';
import { expectProblem } from '../helpers/expect-problem';
import { freePort } from '../helpers/free-port';
import { useApiServer } from '../helpers/use-api-server';

const serviceToken = `svc-${randomBytes(16).toString('hex')}`;
let api: ApiServer;
useApiServer((started) => ({ api } = started), { apiToken: serviceToken });

describe('GET /metrics with identities configured', () => {
  it('refuses a scrape without a token with a 401 naming the header, not a sign-in redirect', async () => {
    const response = await api.call('GET', '/metrics', undefined, undefined, { accept: '*/*' });
    expectProblem(response, 401, 'Authorization');
  });

  it('refuses an unknown token', async () => {
    const response = await api.call('GET', '/metrics', undefined, undefined, {
      authorization: `Bearer ${randomBytes(16).toString('hex')}`,
    });
    expectProblem(response, 401, 'Authorization');
  });

  it('answers a scraper holding the service token', async () => {
    const response = await api.call('GET', '/metrics', undefined, undefined, {
      authorization: `Bearer ${serviceToken}`,
    });
    expect(response.status).toBe(200);
    expect(response.text).toContain('# TYPE specforge_http_requests_total counter');
  });
});

describe('GET /metrics while Temporal is down', () => {
  it('still answers, leaving the runs-waiting family without samples rather than a stale count', async () => {
    const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
    const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-metrics-'));
    const app = createApp(
      {
        client: new Client({ connection }),
        namespace: 'default',
        taskQueue: 'metrics-down',
        store: new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs')),
      },
      pino({ level: 'silent' }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
      const text = await response.text();
      expect(response.status).toBe(200);
      expect(text).toContain('# TYPE specforge_runs_waiting gauge');
      expect(text).not.toMatch(/^specforge_runs_waiting\{/m);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // The abandoned count still has one retry of the client's back-off pending; let it meet its deadline.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await connection.close();
    }
  });
});
