import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JsonSchema } from 'json-schema-faker';
import type { z } from 'zod';
import { PHASE_DEFINITIONS } from '../../src/activities/phases/index';
import { isPhaseName, PHASES, type PhaseName } from '../../src/shared/phases';
import { schemaRandomAnswer } from './schema-random-answers';
import { scriptedAnswer, type ModelRequest } from './scripted-answers';

export interface ChatRequest {
  model: string;
  messages: { role: string; content: string }[];
  max_tokens?: number;
  response_format?: {
    type: string;
    json_schema?: { name: string; strict?: boolean; schema: unknown };
    schema?: unknown;
  };
}

/** What the fake answers: a chat completion, or an HTTP fault. */
export type FakeReply =
  | {
      kind: 'content';
      text: string;
      finishReason?: 'stop' | 'length';
      /** Before the headers are sent, as a slow local model takes. */ delayMs?: number;
      /** Held until this settles as well: a model that answers when the test says. */ until?: Promise<unknown>;
    }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'hang'; ms: number }
  /** A server that echoes the request's Authorization header (and so the key) in its error body, as some proxies do. */
  | { kind: 'echoAuthorization'; status: number };

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
export async function startFakeOpenAI(
  script: (body: ChatRequest, index: number) => FakeReply = (body) => ({ kind: 'content', text: validAnswer(body) }),
  /** A context window to report as vLLM does, in GET /v1/models (max_model_len). */
  options: { contextTokens?: number } = {},
) {
  const requests: RecordedRequest[] = [];
  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method === 'GET' && request.url?.endsWith('/models') && options.contextTokens) {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          object: 'list',
          data: [{ id: 'fake', object: 'model', max_model_len: options.contextTokens }],
        }),
      );
      return;
    }
    if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) {
      response
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: { message: 'Not found', type: 'invalid_request_error' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatRequest;
    const index =
      requests.push({ phase: phaseOf(body), at: Date.now(), body, authorization: request.headers.authorization }) - 1;
    const reply = script(body, index);
    if (reply.kind === 'hang') {
      const timer = setTimeout(() => response.destroy(), reply.ms);
      request.socket.once('close', () => clearTimeout(timer));
      return;
    }
    if (reply.kind === 'echoAuthorization') {
      const authorization = request.headers.authorization ?? '';
      response.writeHead(reply.status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: { message: `Invalid Authorization header: ${authorization}`, type: 'invalid_request_error' },
          request: { headers: { authorization } },
        }),
      );
      return;
    }
    if (reply.kind === 'status') {
      response.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      response.end(
        JSON.stringify(reply.body ?? { error: { message: `fake status ${reply.status}`, type: 'fake_error' } }),
      );
      return;
    }
    if (reply.delayMs || reply.until) {
      let onClose!: () => void;
      const closed = new Promise<void>((resolve) => request.socket.once('close', (onClose = resolve)));
      const delay = new Promise((resolve) => setTimeout(resolve, reply.delayMs ?? 0));
      await Promise.race([Promise.all([delay, reply.until]), closed]);
      // A kept-alive socket carries many requests: one listener each would pile up.
      request.socket.off('close', onClose);
      if (request.socket.destroyed) return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: `chatcmpl-fake-${index}`,
        object: 'chat.completion',
        created: 1_790_000_000,
        model: body.model,
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: reply.text },
            finish_reason: reply.finishReason ?? 'stop',
          },
        ],
        usage: {
          prompt_tokens: Math.ceil(JSON.stringify(body.messages).length / 4),
          completion_tokens: Math.ceil(reply.text.length / 4),
          total_tokens: 0,
        },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    /** How many calls each phase got: what the crash and restart tests compare with one call a phase. */
    callsPerPhase: () =>
      Object.fromEntries(PHASES.map((phase) => [phase, requests.filter((request) => request.phase === phase).length])),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What the repair loop sends after an invalid answer: the request is then a repair, not a first answer. */
export function isRepair(body: ChatRequest): boolean {
  const last = body.messages.at(-1);
  return body.messages.length > 2 && last?.role === 'user' && last.content.startsWith('Your answer has these errors');
}

/** The JSON Schema a request sends: in response_format (json_schema, or beside json_object), else in the system message. */
export function sentSchemaOf(body: ChatRequest): JsonSchema | undefined {
  const format = body.response_format;
  const inFormat = format?.json_schema?.schema ?? format?.schema;
  if (inFormat) return inFormat as JsonSchema;
  const inSystem = /The JSON Schema the answer must match:\n(.*)$/s.exec(body.messages[0]?.content ?? '');
  return inSystem ? (JSON.parse(inSystem[1]!) as JsonSchema) : undefined;
}

/** One answer of the schema-random model, and what the phase's own schema made of it. */
export interface RandomAnswer {
  phase: PhaseName;
  repair: boolean;
  /** The phase schema's complaints about the answer, references between items aside. */
  schemaErrors: string[];
}

/**
 * A model that answers every request with a random instance of the schema the request sent
 * (json-schema-faker), its cross-references set right. `answers` records, per answer, whether
 * the phase's zod schema took it: a refusal there is a repair round the sent schema caused.
 */
export function schemaRandomModel() {
  const answers: RandomAnswer[] = [];
  const reply = (body: ChatRequest, index: number): FakeReply => {
    const phase = phaseOf(body)!;
    const schema = sentSchemaOf(body);
    const request = JSON.parse(body.messages.find((message) => message.role === 'user')!.content) as ModelRequest;
    const answer = schema ? schemaRandomAnswer(phase, schema, request, index + 1) : {};
    answers.push({ phase, repair: isRepair(body), schemaErrors: schemaErrorsOf(phase, answer) });
    return { kind: 'content', text: JSON.stringify(answer) };
  };
  return { reply, answers };
}

/**
 * A server that behaves like llama-cpp-python 0.3.x: response_format json_schema fails its
 * request validation with a 500; json_object is constrained by the schema sent beside it, and
 * without one the small model echoes its input.
 */
export function llamaCppPythonModel() {
  const random = schemaRandomModel();
  const reply = (body: ChatRequest, index: number): FakeReply => {
    const type = body.response_format?.type;
    if (type !== undefined && type !== 'text' && type !== 'json_object') {
      // The body llama-cpp-python 0.3.16's server sends, as seen from a real one.
      const message = `1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', 'type'), 'msg': "Input should be 'text' or 'json_object'", 'input': '${type}', 'ctx': {'expected': "'text' or 'json_object'"}}\n\n  File "llama_cpp/server/app.py", line 376, in create_chat_completion\n    POST /v1/chat/completions`;
      return {
        kind: 'status',
        status: 500,
        body: { error: { message, type: 'internal_server_error', param: null, code: null } },
      };
    }
    if (type === 'json_object' && body.response_format?.schema) return random.reply(body, index);
    return { kind: 'content', text: body.messages.find((message) => message.role === 'user')!.content };
  };
  return { reply, answers: random.answers };
}

function schemaErrorsOf(phase: PhaseName, answer: unknown): string[] {
  const parsed = (PHASE_DEFINITIONS[phase].schema as z.ZodType).safeParse(answer);
  // Refinements check references between items, which the answer sets right and the repair loop owns.
  return parsed.success
    ? []
    : parsed.error.issues
        .filter((issue) => issue.code !== 'custom')
        .map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
