import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isPhaseName, type PhaseName } from '../../src/shared/phases';
import { scriptedAnswer, type ModelRequest } from './scripted-answers';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  max_tokens?: number;
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
}

/** What the fake answers: a chat completion, or an HTTP fault. */
export type FakeReply =
  | { kind: 'content'; text: string; finishReason?: 'stop' | 'length' }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'hang'; ms: number };

export interface RecordedRequest {
  phase: PhaseName | undefined;
  /** When it arrived (ms since the epoch). */
  at: number;
  body: ChatRequest;
  authorization: string | undefined;
}

/** The phase a request is for: the json_schema name, or the system prompt's first line. */
export function phaseOf(body: ChatRequest): PhaseName | undefined {
  const named = body.response_format?.json_schema?.name;
  if (isPhaseName(named)) return named;
  const match = /write the (\w+) section/.exec(body.messages[0]?.content ?? '');
  return isPhaseName(match?.[1]) ? match[1] : undefined;
}

/** A well-formed answer to the request: the fake's own scripted content for its phase. */
export function validAnswer(body: ChatRequest): string {
  const request = JSON.parse(body.messages[1]!.content) as ModelRequest;
  return JSON.stringify(scriptedAnswer(phaseOf(body)!, request));
}

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1: the real `openai` client talks to
 * it. Each request is recorded; `script` decides the reply (default: a valid answer).
 */
export async function startFakeOpenAI(script: (body: ChatRequest, index: number) => FakeReply = (body) => ({ kind: 'content', text: validAnswer(body) })) {
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'Not found', type: 'invalid_request_error' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    const index = requests.push({ phase: phaseOf(body), at: Date.now(), body, authorization: request.headers.authorization }) - 1;
    const reply = script(body, index);
    if (reply.kind === 'hang') {
      const timer = setTimeout(() => response.destroy(), reply.ms);
      request.socket.once('close', () => clearTimeout(timer));
      return;
    }
    if (reply.kind === 'status') {
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(JSON.stringify(reply.body ?? { error: { message: `fake status ${reply.status}`, type: 'fake_error' } }));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({
      id: `chatcmpl-fake-${index}`,
      object: 'chat.completion',
      created: 1_790_000_000,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply.text }, finish_reason: reply.finishReason ?? 'stop' }],
      usage: { prompt_tokens: Math.ceil(JSON.stringify(body.messages).length / 4), completion_tokens: Math.ceil(reply.text.length / 4), total_tokens: 0 },
    }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
