import { mkdtemp } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createApp } from '../../src/api/create-app';
import { createLog } from '../../src/logging/create-log';
import { SPEC_ID_PATTERN } from '../../src/runs/spec-id';
import { freePort } from '../helpers/free-port';

const specId = 'spec-audit-log-0123abcd';

/** Every line the API's logger wrote, parsed, as `createLog` writes them for an operator. */
const lines: Record<string, unknown>[] = [];

/**
 * The API as `npm start` makes it (createLog, redaction on), on a client for a port nobody listens
 * on: each request about a run fails (503) and the error handler logs why.
 */
let api: { call(method: string, url: string, body?: unknown): Promise<number>; close(): Promise<void> };
beforeAll(async () => {
  const connection = Connection.lazy({ address: `127.0.0.1:${await freePort()}` });
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-request-log-'));
  const log = createLog({
    level: 'info',
    secrets: [],
    destination: { write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  const app = createApp(
    {
      client: new Client({ connection }),
      namespace: 'default',
      taskQueue: 'request-log',
      store: new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs')),
    },
    log,
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = {
    async call(method, url, body) {
      const response = await fetch(`${base}${url}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      await response.arrayBuffer();
      return response.status;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // A call the API gave up on still has one retry of the client's back-off pending; closing the
      // channel under it would throw from the client's timer.
      await new Promise((resolve) => setTimeout(resolve, 4_000));
      await connection.close();
    },
  };
});
afterAll(() => api.close());

/** The lines one request wrote. */
async function linesOf(method: string, url: string, body?: unknown) {
  const before = lines.length;
  expect(await api.call(method, url, body)).toBe(503);
  const written = lines.slice(before);
  expect(written.length).toBeGreaterThan(0);
  return written;
}

describe("the API's log lines about a spec", { timeout: 30_000 }, () => {
  it('name the spec of a failing request on /v1/specs/:id', async () => {
    for (const line of await linesOf('GET', `/v1/specs/${specId}`)) expect(line).toMatchObject({ specId });
  });

  it('name the phase and revision too when the path has them', async () => {
    for (const line of await linesOf('GET', `/v1/specs/${specId}/phases/api/revisions/2`))
      expect(line).toMatchObject({ specId, phase: 'api', revision: 2 });
    for (const line of await linesOf('GET', `/v1/specs/${specId}/phases/security`))
      expect(line).toMatchObject({ specId, phase: 'security' });
  });

  it("name the spec on the review page's /specs/:id", async () => {
    for (const line of await linesOf('GET', `/specs/${specId}`)) expect(line).toMatchObject({ specId });
  });

  it('name the spec a start was creating, by the id it made', async () => {
    const written = await linesOf('POST', '/v1/specs', { feature: 'Add an audit log' });
    for (const line of written) expect(line.specId).toMatch(SPEC_ID_PATTERN);
    expect(String(written[0]!.specId)).toMatch(/^spec-add-an-audit-log-/);
  });

  it('name no spec for a request about none', async () => {
    for (const line of await linesOf('GET', '/v1/specs')) expect(line).not.toHaveProperty('specId');
  });
});
