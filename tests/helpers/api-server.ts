import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../src/api/create-app';
import type { TestStack } from './test-stack';

/** The real Express app on 127.0.0.1, bound to the test stack's client and task queue. */
export async function startApiServer(stack: TestStack, apiToken?: string) {
  const app = createApp({ client: stack.client, namespace: 'default', taskQueue: stack.taskQueue, apiToken }, pino({ level: 'silent' }));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (method: string, path: string, body?: unknown, raw?: string) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {},
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    let json: any;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, type: response.headers.get('content-type') ?? '', json, text };
  };
  return { base, call, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
