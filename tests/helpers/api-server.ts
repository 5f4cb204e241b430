import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { createApp } from '../../src/api/create-app';
import { ReviewerDirectory } from '../../src/api/auth/reviewer-directory';
import type { TestStack } from './test-stack';
import { readResponse } from './read-response';

/** The real Express app on 127.0.0.1, bound to the test stack's client, task queue and store. */
export async function startApiServer(
  stack: TestStack,
  options: { apiToken?: string; reviewers?: ReviewerDirectory; statusFreshForMs?: number } = {},
) {
  const reviewers = options.reviewers ?? (options.apiToken ? new ReviewerDirectory([], options.apiToken) : undefined);
  const app = createApp(
    {
      client: stack.client,
      namespace: 'default',
      taskQueue: stack.taskQueue,
      store: stack.store,
      reviewers,
      decisionKey: stack.decisionKey,
      statusFreshForMs: options.statusFreshForMs,
    },
    pino({ level: 'silent' }),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    raw?: string,
    headers: Record<string, string> = {},
  ) => {
    const response = await fetch(`${base}${path}`, {
      method,
      redirect: 'manual',
      headers: {
        ...(body !== undefined || raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    return readResponse(response);
  };
  return { base, call, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export type ApiServer = Awaited<ReturnType<typeof startApiServer>>;
