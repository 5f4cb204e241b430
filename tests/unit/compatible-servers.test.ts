import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApplicationFailure } from '@temporalio/common';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIGenerator, type OpenAIGeneratorOptions } from '../../src/activities/llm/openai-generator';
import { modelCallsPerPhaseActivity, phaseActivityTimeoutMs } from '../../src/activities/llm/phase-activity-timeout';
import { fetchWithTimeouts } from '../../src/activities/llm/timed-fetch';
import { requirementsPhase } from '../../src/activities/phases/requirements/definition';
import { ConfigError, loadConfig } from '../../src/config/load-config';
import { usageOfDetails } from '../../src/shared/phase-failure';
import {
  llamaCppPythonModel,
  startFakeOpenAI,
  validAnswer,
  type ChatRequest,
  type FakeReply,
} from '../fakes/fake-openai';
import { FailureType } from '../../src/shared/failure-types';
import { firstRevisionContext } from '../helpers/phase-context';

const context = firstRevisionContext;
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function serverAnswering(
  script: (body: ChatRequest, index: number) => FakeReply,
  fakeOptions: { contextTokens?: number } = {},
) {
  const fake = await startFakeOpenAI(script, fakeOptions);
  closers.push(fake.close);
  return fake;
}

function generatorFor(baseURL: string, options: Partial<OpenAIGeneratorOptions> = {}) {
  const generator = createOpenAIGenerator({
    apiKey: 'sk-test-not-a-real-key',
    baseURL,
    model: 'local-model',
    timeoutMs: 5_000,
    ...options,
  });
  return { generator, generate: () => generator.generate(requirementsPhase, context, async () => []) };
}

const valid = (body: ChatRequest): FakeReply => ({ kind: 'content', text: validAnswer(body) });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('should fail'),
    (error: unknown) => error as ApplicationFailure,
  );

describe('a server like llama-cpp-python 0.3', () => {
  it('gets JSON mode with the schema after refusing json_schema with a 500, and the phase finishes', async () => {
    const model = llamaCppPythonModel();
    const fake = await serverAnswering(model.reply);
    const generation = await generatorFor(fake.baseURL).generate();
    expect(generation.content.functional.length).toBeGreaterThan(0);
    expect(fake.requests.map((request) => request.body.response_format?.type)).toEqual([
      'json_schema',
      'json_schema',
      'json_object',
    ]);
    const jsonMode = fake.requests[2]!.body;
    expect(jsonMode.response_format?.schema).toMatchObject({
      type: 'object',
      properties: { summary: { type: 'string', minLength: 1 } },
    });
    expect(jsonMode.messages[0]!.content).toContain('"additionalProperties":false');
    expect(model.answers.every((answer) => answer.schemaErrors.length === 0)).toBe(true);
  });

  it('remembers what the server takes: the next phase asks in JSON mode at once', async () => {
    const fake = await serverAnswering(llamaCppPythonModel().reply);
    const { generate } = generatorFor(fake.baseURL);
    await generate();
    const before = fake.requests.length;
    await generate();
    expect(fake.requests.slice(before).map((request) => request.body.response_format?.type)).toEqual(['json_object']);
  });

  it('fails at once naming SPECFORGE_RESPONSE_FORMAT when the one format set is refused', async () => {
    const fake = await serverAnswering(llamaCppPythonModel().reply);
    const failure = await failureOf(generatorFor(fake.baseURL, { responseFormat: 'json_schema_strict' }).generate());
    expect(failure).toMatchObject({ type: FailureType.LlmResponseFormatRefused, nonRetryable: true });
    expect(failure.message).toContain('SPECFORGE_RESPONSE_FORMAT=auto');
    expect(failure.message).toContain("Input should be 'text' or 'json_object'");
    expect(fake.requests).toHaveLength(1);
  });

  it('asks in the one format set, and sends it the lengths a grammar takes', async () => {
    const fake = await serverAnswering(llamaCppPythonModel().reply);
    await generatorFor(fake.baseURL, { responseFormat: 'json_object' }).generate();
    expect(fake.requests).toHaveLength(1);
    expect(JSON.stringify(fake.requests[0]!.body.response_format?.schema)).toContain('"maxLength":');
  });
});

describe('schema keywords a server refuses', () => {
  it('leaves out a keyword the server names, for that server, and asks again', async () => {
    const fake = await serverAnswering((body) =>
      JSON.stringify(body.response_format).includes('"maxItems"')
        ? {
            kind: 'status',
            status: 400,
            body: {
              error: {
                message: "Invalid schema for response_format 'requirements': 'maxItems' is not permitted.",
                type: 'invalid_request_error',
              },
            },
          }
        : valid(body),
    );
    await generatorFor(fake.baseURL).generate();
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: { strict: true },
    });
    expect(JSON.stringify(fake.requests[1]!.body.response_format)).toContain('"minItems"');
  });
});

describe('the token budget', () => {
  const truncated = (body: ChatRequest): FakeReply => ({
    kind: 'content',
    text: validAnswer(body).slice(0, 40),
    finishReason: 'length',
  });

  it('doubles max_tokens after a truncated answer, never past SPECFORGE_MAX_TOKENS, then fails naming it', async () => {
    const fake = await serverAnswering(truncated);
    const failure = await failureOf(
      generatorFor(fake.baseURL, { tokens: { answerTokens: 1000, maxTokens: 3000 } }).generate(),
    );
    expect(fake.requests.map((request) => request.body.max_tokens)).toEqual([1000, 2000, 3000]);
    expect(failure).toMatchObject({ type: FailureType.InvalidModelOutput, nonRetryable: true });
    expect(failure.message).toContain('SPECFORGE_MAX_TOKENS is 3000');
  });

  it('never asks for more than the context the server reports leaves after the prompt', async () => {
    const fake = await serverAnswering(truncated, { contextTokens: 4000 });
    await failureOf(generatorFor(fake.baseURL, { tokens: { answerTokens: 1000, maxTokens: 64_000 } }).generate());
    const asked = fake.requests.map((request) => request.body.max_tokens!);
    const promptTokens = Math.ceil(JSON.stringify(fake.requests[0]!.body.messages).length / 4);
    expect(asked[0]).toBe(1000);
    expect(Math.max(...asked)).toBe(4000 - promptTokens);
  });

  it('caps the first request by SPECFORGE_CONTEXT_TOKENS', async () => {
    const fake = await serverAnswering(valid);
    await generatorFor(fake.baseURL, { tokens: { answerTokens: 4096, contextTokens: 3000 } }).generate();
    expect(fake.requests[0]!.body.max_tokens).toBeLessThan(3000);
  });
});

describe('a failed phase', () => {
  it('carries the tokens its attempts spent in the failure details', async () => {
    const fake = await serverAnswering(() => ({ kind: 'content', text: JSON.stringify({ summary: 'x' }) }));
    const failure = await failureOf(generatorFor(fake.baseURL).generate());
    expect(failure.type).toBe(FailureType.InvalidModelOutput);
    const usage = usageOfDetails(failure.details ?? undefined);
    expect(fake.requests).toHaveLength(3);
    expect(usage.input).toBeGreaterThan(0);
    expect(usage.output).toBe(3 * Math.ceil(JSON.stringify({ summary: 'x' }).length / 4));
  });

  it('says the server closed the connection, without blaming OPENAI_BASE_URL, when it drops mid-answer', async () => {
    const fake = await serverAnswering(() => ({ kind: 'hang', ms: 100 }));
    const failure = await failureOf(generatorFor(fake.baseURL).generate());
    expect(failure).toMatchObject({ type: FailureType.LlmUnavailable, nonRetryable: false });
    expect(failure.message).toContain('closed the connection; it may have crashed');
    expect(failure.message).not.toContain('OPENAI_BASE_URL');
  });

  it('names OPENAI_BASE_URL when nothing listens there', async () => {
    const fake = await serverAnswering(valid);
    await fake.close();
    const failure = await failureOf(generatorFor(fake.baseURL).generate());
    expect(failure.message).toMatch(
      /Cannot reach the model server at http:\/\/127\.0\.0\.1:\d+\/v1 \(OPENAI_BASE_URL\)/,
    );
  });
});

describe('time limits for a slow local model', () => {
  it("gives the HTTP client header and body timeouts that follow the model timeout, not Node's 300 s", async () => {
    const server = http.createServer((_request, response) => {
      setTimeout(() => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'), 1_000);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(
      () =>
        new Promise<void>((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
        }),
    );
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    await expect(fetchWithTimeouts(3_000)(url).then((response) => response.status)).resolves.toBe(200);
    const cut = await fetchWithTimeouts(300, 0)(url).catch((error: Error) => error);
    expect((cut as Error & { cause?: { code?: string } }).cause?.code).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('applies the model timeout to each request: a slow answer within it arrives, one past it times out', async () => {
    const fake = await serverAnswering((body) => ({ ...valid(body), delayMs: 1_500 }) as FakeReply);
    await expect(generatorFor(fake.baseURL, { timeoutMs: 3_000 }).generate()).resolves.toMatchObject({
      model: 'local-model',
    });
    const failure = await failureOf(generatorFor(fake.baseURL, { timeoutMs: 500 }).generate());
    expect(failure).toMatchObject({ type: FailureType.LlmTimeout, nonRetryable: false });
  });

  it('gives phase activities the model timeout for every call one may make, plus a margin', () => {
    const config = loadConfig({ OPENAI_API_KEY: 'sk-test', SPECFORGE_LLM_TIMEOUT_MS: '400000' });
    const calls = modelCallsPerPhaseActivity({ answerTokens: 4096, maxTokens: 16_384 });
    expect(calls).toBe(2 * (1 + 2 + 2) + 2);
    expect(phaseActivityTimeoutMs(config)).toBe(calls * 400_000 + 120_000);
    expect(phaseActivityTimeoutMs(loadConfig({ OPENAI_API_KEY: 'sk-test', SPECFORGE_LLM_TIMEOUT_MS: '1000' }))).toBe(
      10 * 60_000,
    );
    expect(phaseActivityTimeoutMs(loadConfig({}))).toBeUndefined();
  });

  it('refuses an unknown SPECFORGE_RESPONSE_FORMAT, naming it', () => {
    expect(() => loadConfig({ SPECFORGE_RESPONSE_FORMAT: 'grammar' })).toThrow(ConfigError);
    expect(() => loadConfig({ SPECFORGE_RESPONSE_FORMAT: 'grammar' })).toThrow(/SPECFORGE_RESPONSE_FORMAT/);
  });
});
