import { ApplicationFailure } from '@temporalio/common';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import { requirementsPhase } from '../../src/activities/phases/requirements/definition';
import { startFakeOpenAI, validAnswer, type ChatRequest, type FakeReply } from '../fakes/fake-openai';
import { FailureType } from '../../src/shared/failure-types';
import { firstRevisionContext } from '../helpers/phase-context';

const context = firstRevisionContext;
let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

async function generatorAnswering(replies: ((body: ChatRequest) => FakeReply)[], timeoutMs = 5_000) {
  const fake = await startFakeOpenAI((body, index) => replies[Math.min(index, replies.length - 1)]!(body));
  close = fake.close;
  const generator = createOpenAIGenerator({
    apiKey: 'sk-test-not-a-real-key',
    baseURL: fake.baseURL,
    model: 'gpt-test',
    timeoutMs,
    tokens: { answerTokens: 1000 },
  });
  return { fake, generate: () => generator.generate(requirementsPhase, context, async () => []) };
}

const valid = (body: ChatRequest): FakeReply => ({ kind: 'content', text: validAnswer(body) });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('should fail'),
    (error: unknown) => error as ApplicationFailure,
  );

describe('the OpenAI generator', () => {
  it('asks for strict structured output and records tokens in and out', async () => {
    const { fake, generate } = await generatorAnswering([valid]);
    const generation = await generate();
    expect(generation.content.functional[0]?.id).toBe('FR-1');
    expect(generation.usage.input).toBeGreaterThan(0);
    expect(generation.usage.output).toBeGreaterThan(0);
    const format = fake.requests[0]!.body.response_format!;
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'requirements', strict: true } });
    expect(JSON.stringify(format.json_schema!.schema)).toContain('"additionalProperties":false');
  });

  it('accepts JSON inside a Markdown fence', async () => {
    const { generate } = await generatorAnswering([
      (body) => ({ kind: 'content', text: '```json\n' + validAnswer(body) + '\n```' }),
    ]);
    expect((await generate()).content.userStories.length).toBeGreaterThan(0);
  });

  it('sends invalid JSON back with the parse error and uses the repaired answer', async () => {
    const { fake, generate } = await generatorAnswering([() => ({ kind: 'content', text: '{"summary": "cut' }), valid]);
    await generate();
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toMatch(/not valid JSON/);
  });

  it('fails without retry after two repairs of schema-invalid answers, listing the errors', async () => {
    const { fake, generate } = await generatorAnswering([
      () => ({ kind: 'content', text: JSON.stringify({ summary: 'x', functional: [] }) }),
    ]);
    const failure = await failureOf(generate());
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject({ type: FailureType.InvalidModelOutput, nonRetryable: true });
    expect(failure.message).toMatch(/functional/);
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[1]!.body.messages.at(-1)!.content).toMatch(/functional/);
  });

  it('never parses a truncated answer and retries it with a larger budget', async () => {
    const { fake, generate } = await generatorAnswering([
      (body) => ({ kind: 'content', text: validAnswer(body).slice(0, 50), finishReason: 'length' }),
      valid,
    ]);
    await generate();
    expect(fake.requests.map((request) => request.body.max_tokens)).toEqual([1000, 2000]);
  });

  it('falls back to JSON mode with the schema when the server lacks json_schema', async () => {
    const refused: FakeReply = {
      kind: 'status',
      status: 400,
      body: {
        error: {
          message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported",
          type: 'invalid_request_error',
        },
      },
    };
    const { fake, generate } = await generatorAnswering([
      (body) => (body.response_format?.type === 'json_schema' ? refused : valid(body)),
    ]);
    await generate();
    expect(
      fake.requests.map((request) => [
        request.body.response_format?.type,
        request.body.response_format?.json_schema?.strict,
      ]),
    ).toEqual([
      ['json_schema', true],
      ['json_schema', false],
      ['json_object', undefined],
    ]);
    expect(fake.requests[2]!.body.response_format).toMatchObject({ type: 'json_object', schema: { type: 'object' } });
    expect(fake.requests[2]!.body.messages[0]!.content).toContain('The JSON Schema the answer must match');
  });

  it('leaves a 429 to Temporal to retry after the Retry-After delay', async () => {
    const { generate } = await generatorAnswering([
      () => ({ kind: 'status', status: 429, headers: { 'retry-after': '7' } }),
    ]);
    const failure = await failureOf(generate());
    expect(failure).toMatchObject({ type: FailureType.LlmRateLimited, nonRetryable: false, nextRetryDelay: 7000 });
  });

  it('leaves a 500 to Temporal to retry', async () => {
    const { fake, generate } = await generatorAnswering([() => ({ kind: 'status', status: 500 })]);
    expect(await failureOf(generate())).toMatchObject({ type: FailureType.LlmUnavailable, nonRetryable: false });
    expect(fake.requests).toHaveLength(1);
  });

  it('fails at once on 401, naming OPENAI_API_KEY', async () => {
    const { generate } = await generatorAnswering([() => ({ kind: 'status', status: 401 })]);
    const failure = await failureOf(generate());
    expect(failure).toMatchObject({ type: FailureType.LlmAuthentication, nonRetryable: true });
    expect(failure.message).toContain('OPENAI_API_KEY');
  });

  it('fails at once on 404, naming SPECFORGE_MODEL and OPENAI_BASE_URL', async () => {
    const { generate } = await generatorAnswering([() => ({ kind: 'status', status: 404 })]);
    const failure = await failureOf(generate());
    expect(failure).toMatchObject({ nonRetryable: true });
    expect(failure.message).toMatch(/SPECFORGE_MODEL and OPENAI_BASE_URL/);
  });

  it('turns a hang past the timeout into a retryable timeout', async () => {
    const { generate } = await generatorAnswering([() => ({ kind: 'hang', ms: 10_000 })], 300);
    expect(await failureOf(generate())).toMatchObject({ type: FailureType.LlmTimeout, nonRetryable: false });
  });
});
