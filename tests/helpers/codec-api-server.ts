import type { AddressInfo } from 'node:net';
import type { PayloadCodec } from '@temporalio/common';
import pino from 'pino';
import type { ReviewerDirectory } from '../../src/api/auth/reviewer-directory';
import { createApp } from '../../src/api/create-app';
import type { TestStack } from './test-stack';

export interface CodecApiServer {
  base: string;
  port: number;
  close(): Promise<void>;
}

/**
 * The real Express app with a payload codec and a Temporal UI origin, on 127.0.0.1 (an ephemeral
 * port unless one is given, so a dev server's UI can be pointed at it before it starts).
 */
export async function startCodecApiServer(
  stack: TestStack,
  options: { payloadCodec?: PayloadCodec; uiUrl?: string; reviewers?: ReviewerDirectory; port?: number } = {},
): Promise<CodecApiServer> {
  const app = createApp(
    {
      client: stack.client,
      namespace: 'default',
      taskQueue: stack.taskQueue,
      store: stack.store,
      decisionKey: stack.decisionKey,
      uiUrl: options.uiUrl,
      reviewers: options.reviewers,
      payloadCodec: options.payloadCodec,
    },
    pino({ level: 'silent' }),
  );
  const server = app.listen(options.port ?? 0, '127.0.0.1');
  await new Promise((resolve, reject) => server.once('listening', resolve).once('error', reject));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
