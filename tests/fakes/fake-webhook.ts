import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the receiver fails: `'500'` answers every request 500; `{ firstFailures: n }` only the first n. */
export type WebhookFailure = 'none' | '500' | { firstFailures: number };

export interface ReceivedWebhook {
  /** When it arrived (ms since the epoch, wall time). */
  at: number;
  status: number;
  contentType: string | undefined;
  /** The parsed JSON body; undefined when the body was not JSON. */
  event: unknown;
}

/**
 * A webhook receiver (Slack's incoming webhooks, or any team endpoint) on 127.0.0.1. It records
 * every POST, answered or failed, and answers 200 `ok` like Slack does, or 500 as scripted.
 */
export async function startFakeWebhook(options: { failure?: WebhookFailure } = {}) {
  const received: ReceivedWebhook[] = [];
  const failure = options.failure ?? 'none';
  const fails = (index: number) => failure === '500' || (typeof failure === 'object' && index < failure.firstFailures);

  const server = http.createServer(async (request, response) => {
    const body = await readBody(request);
    const index = received.length;
    const status = request.method !== 'POST' ? 405 : fails(index) ? 500 : 200;
    received.push({ at: Date.now(), status, contentType: request.headers['content-type'], event: parseJson(body) });
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(status === 200 ? 'ok' : status === 500 ? 'internal_error' : 'method_not_allowed');
  });
  server.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/specforge`,
    /** Every request, in order of arrival, including those answered 500. */
    received,
    /** The events the receiver accepted (answered 200). */
    accepted: () => received.filter((request) => request.status === 200).map((request) => request.event),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeWebhook = Awaited<ReturnType<typeof startFakeWebhook>>;

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
