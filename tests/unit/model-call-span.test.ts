import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { withModelCallSpan } from '../../src/telemetry/model-call-span';
import { startTracing, type Tracing } from '../../src/telemetry/start-tracing';
import { startFakeOpenAI, type FakeReply } from '../fakes/fake-openai';

const exporter = new InMemorySpanExporter();
let tracing: Tracing | undefined;
let reply: FakeReply = { kind: 'content', text: '{"ok":true}' };
let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
let client: OpenAI;

beforeAll(async () => {
  tracing = startTracing({ serviceName: 'specforge-test', exporter });
  fake = await startFakeOpenAI(() => reply);
  // The fake checks no key; this one is built, not a real token.
  client = new OpenAI({ apiKey: ['test', 'key'].join('-'), baseURL: fake.baseURL, maxRetries: 0 });
});

afterEach(() => exporter.reset());

afterAll(async () => {
  await fake.close();
  await tracing?.shutdown();
});

function ask(maxTokens = 512) {
  return withModelCallSpan({ provider: 'openai', model: 'gpt-4o-mini', serverUrl: fake.baseURL, maxTokens }, () =>
    client.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: 'Write the requirements section.' }],
      max_tokens: maxTokens,
    }),
  );
}

describe('a model call span (OpenTelemetry GenAI semantic conventions)', () => {
  it('is a CLIENT span "chat <model>" with the request, the answering model and the token usage', async () => {
    reply = { kind: 'content', text: '{"requirements":[]}' };
    const completion = await ask(777);
    const [span] = exporter.getFinishedSpans();
    expect(span?.name).toBe('chat gpt-4o-mini');
    expect(span?.kind).toBe(SpanKind.CLIENT);
    expect(span?.status.code).not.toBe(SpanStatusCode.ERROR);
    const port = Number(new URL(fake.baseURL).port);
    expect(span?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.system': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'gen_ai.request.max_tokens': 777,
      'server.address': '127.0.0.1',
      'server.port': port,
      'gen_ai.response.model': 'gpt-4o-mini',
      'gen_ai.response.id': completion.id,
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': completion.usage?.prompt_tokens,
      'gen_ai.usage.output_tokens': completion.usage?.completion_tokens,
    });
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
  });

  it('records a refused call with error.type (the HTTP status) and rethrows the same error, message kept off the span', async () => {
    reply = { kind: 'status', status: 429, headers: { 'retry-after': '3' } };
    const failure = await ask().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.RateLimitError);
    const [span] = exporter.getFinishedSpans();
    expect(span?.attributes['error.type']).toBe('429');
    expect(span?.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(span?.events).toEqual([]);
    expect(span?.attributes['gen_ai.usage.input_tokens']).toBeUndefined();
  });

  it('names a call that got no answer by the error class', async () => {
    reply = { kind: 'hang', ms: 0 };
    await expect(ask()).rejects.toBeInstanceOf(OpenAI.APIConnectionError);
    expect(exporter.getFinishedSpans()[0]?.attributes['error.type']).toBe('APIConnectionError');
  });

  it('is a child of the span active when the call is made (the activity span in a worker)', async () => {
    reply = { kind: 'content', text: '{}' };
    const tracer = trace.getTracer('test');
    await tracer.startActiveSpan('RunActivity:generateRequirements', async (parent) => {
      await ask();
      parent.end();
    });
    const spans = exporter.getFinishedSpans();
    const model = spans.find((span) => span.name.startsWith('chat '));
    const parent = spans.find((span) => span.name === 'RunActivity:generateRequirements');
    expect(model?.parentSpanId).toBe(parent?.spanContext().spanId);
    expect(model?.spanContext().traceId).toBe(parent?.spanContext().traceId);
  });
});
