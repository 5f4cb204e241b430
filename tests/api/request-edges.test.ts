import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/create-app';
import { missingTicketCredentials } from '../../src/api/ticket-credentials';
import { startApiServer, type ApiServer } from '../helpers/api-server';
import { type TestStack } from '../helpers/test-stack';
import { expectProblem } from '../helpers/expect-problem';
import { useApiServer } from '../helpers/use-api-server';

let stack: TestStack;
let api: ApiServer;
useApiServer((started) => ({ stack, api } = started));

/** `depth` objects inside one another: {"a":{"a":…}}. */
function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

describe('bodies the API cannot read', () => {
  it('refuses an unknown Content-Encoding with 415 naming the header', async () => {
    const response = await api.call('POST', '/v1/specs', undefined, '{"feature":"Add audit log"}', {
      'content-encoding': 'compress',
    });
    expectProblem(response, 415, 'Content-Encoding');
  });

  it('refuses a body that is not what its Content-Encoding says with 400', async () => {
    const response = await api.call('POST', '/v1/specs', undefined, '{"feature":"Add audit log"}', {
      'content-encoding': 'gzip',
    });
    expectProblem(response, 400, 'body');
  });

  it('reads a gzip body', async () => {
    const response = await fetch(`${api.base}/v1/specs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: gzipSync('{"feature":"x"}'),
    });
    expect(response.status).toBe(422);
  });

  it('refuses a charset other than UTF-8 with 415 naming Content-Type', async () => {
    const response = await api.call('POST', '/v1/specs', undefined, '{"feature":"Add audit log"}', {
      'content-type': 'application/json; charset=latin1',
    });
    expectProblem(response, 415, 'Content-Type');
  });

  it('refuses 20,000 nested objects with 422 naming the body, wherever they are', async () => {
    const deep = nested(20_000);
    const bodies: [string, string][] = [
      ['/v1/specs', deep],
      ['/v1/specs', `{"feature":${deep}}`],
      ['/v1/specs/spec-audit-log-0123abcd/decisions', `{"phase":"requirements","action":"edit","content":${deep}}`],
      ['/v1/specs/spec-audit-log-0123abcd/phases/requirements/validate', deep],
    ];
    for (const [path, body] of bodies) expectProblem(await api.call('POST', path, undefined, body), 422, 'body');
  });

  it('still takes content nested as deep as a phase needs', async () => {
    const response = await api.call('POST', '/v1/specs', undefined, `{"feature":"Add audit log","x":${nested(10)}}`);
    expectProblem(response, 422, 'body');
    expect(response.json.detail).toContain('unknown field');
  });
});

describe('list cursors', () => {
  it('refuses a cursor it never handed out (valid base64url, not a page token) with 422 naming cursor', async () => {
    expectProblem(await api.call('GET', '/v1/specs?cursor=AAAA'), 422, 'cursor');
    expectProblem(await api.call('GET', '/v1/specs?cursor=not%20base64'), 422, 'cursor');
  });
});

describe('methods a path does not take', () => {
  it('answers 405 with Allow and a problem body', async () => {
    const list = await api.call('DELETE', '/v1/specs');
    expectProblem(list, 405, 'method');
    expect(list.headers.get('allow')).toBe('POST, GET, HEAD');
    const one = await api.call('PUT', '/v1/specs/spec-audit-log-0123abcd');
    expectProblem(one, 405);
    expect(one.headers.get('allow')).toBe('GET, HEAD');
    expect((await api.call('POST', '/healthz')).headers.get('allow')).toBe('GET, HEAD');
  });

  it('still answers 404 for a path that does not exist', async () => {
    expectProblem(await api.call('DELETE', '/v1/nothing'), 404);
  });
});

describe('identity before bodies', () => {
  let guarded: ApiServer;
  beforeAll(async () => {
    guarded = await startApiServer(stack, { apiToken: 'a-service-token-for-tests' });
  });
  afterAll(() => guarded.close());

  it('refuses a caller without a token before reading a JSON or form body', async () => {
    expectProblem(await guarded.call('POST', '/v1/specs', undefined, '{"feature": '), 401, 'Authorization');
    const form = `feature=${'x'.repeat(20_000)}`;
    const response = await guarded.call('POST', '/v1/specs', undefined, form, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expectProblem(response, 401, 'Authorization');
  });
});

describe('ticket targets the worker beside the API cannot use', () => {
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const app = createApp(
      {
        client: stack.client,
        namespace: 'default',
        taskQueue: stack.taskQueue,
        store: stack.store,
        missingTicketCredentials: missingTicketCredentials({}),
      },
      pino({ level: 'silent' }),
    );
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  });
  afterAll(() => close());

  const start = async (tickets: unknown) => {
    const response = await fetch(`${base}/v1/specs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ feature: 'Add an audit log', tickets }),
    });
    return { status: response.status, type: response.headers.get('content-type') ?? '', json: await response.json() };
  };

  it('refuses github with no GITHUB_TOKEN, naming the variable', async () => {
    const response = await start({ target: 'github', repo: 'acme/shop' });
    expectProblem(response, 422, 'tickets.target');
    expect(response.json.detail).toContain('GITHUB_TOKEN');
  });

  it('refuses jira naming each missing variable', async () => {
    const response = await start({ target: 'jira', project: 'SHOP' });
    expectProblem(response, 422, 'tickets.target');
    expect(response.json.detail).toMatch(/JIRA_HOST, JIRA_EMAIL and JIRA_API_TOKEN/);
  });

  it('does not check credentials when the workers run elsewhere (no missingTicketCredentials)', async () => {
    const response = await api.call('POST', '/v1/specs', {
      feature: 'Add an audit log',
      gates: 'each',
      tickets: { target: 'github', repo: 'acme/shop' },
    });
    expect(response.status).toBe(201);
    await stack.client.workflow.getHandle(response.json.id).terminate('test over');
  });
});
