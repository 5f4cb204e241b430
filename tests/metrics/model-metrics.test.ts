import { register } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { llmCostUsd } from '../../src/activities/llm/llm-prices';
import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import { requirementsPhase } from '../../src/activities/phases/requirements/definition';
import { modelProvider } from '../../src/metrics/model-metrics';
import { FailureType } from '../../src/shared/failure-types';
import { startFakeOpenAI, validAnswer, type ChatRequest, type FakeReply } from '../fakes/fake-openai';
import { firstRevisionContext } from '../helpers/phase-context';
import { sampleValue } from './sample-value';

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

const apiKey = ['sk', 'test', 'metrics'].join('-');
const valid = (body: ChatRequest): FakeReply => ({ kind: 'content', text: validAnswer(body) });

/**
 * The real generator against the fake server. With `asOpenAI`, it believes it talks to OpenAI's
 * own API (no base URL), and its fetch carries each request to the fake instead.
 */
async function generatorAnswering(replies: ((body: ChatRequest) => FakeReply)[], model: string, asOpenAI = false) {
  const fake = await startFakeOpenAI((body, index) => replies[Math.min(index, replies.length - 1)]!(body));
  close = fake.close;
  const toFake: typeof fetch = (input, init) =>
    fetch(
      String(input instanceof Request ? input.url : input).replace('https://api.openai.com/v1', fake.baseURL),
      init,
    );
  const generator = createOpenAIGenerator({
    apiKey,
    model,
    timeoutMs: 5_000,
    tokens: { answerTokens: 1000 },
    ...(asOpenAI ? { fetch: toFake } : { baseURL: fake.baseURL }),
  });
  return {
    fake,
    provider: asOpenAI ? 'openai' : new URL(fake.baseURL).host,
    generate: () => generator.generate(requirementsPhase, firstRevisionContext, async () => []),
  };
}

/** The sample's value now, 0 when the series does not exist yet: counters are shared by every test in the process. */
async function sample(name: string, labels: Record<string, string>): Promise<number> {
  return sampleValue(await register.metrics(), name, labels) ?? 0;
}

describe('model metrics', () => {
  it('counts every HTTP call to the model, the tokens the server reported and their cost at list price', async () => {
    const model = 'gpt-4o-mini';
    const labels = { provider: 'openai', model };
    const before = {
      ok: await sample('specforge_model_calls_total', { ...labels, outcome: 'ok' }),
      input: await sample('specforge_model_tokens_total', { ...labels, kind: 'input' }),
      output: await sample('specforge_model_tokens_total', { ...labels, kind: 'output' }),
      cost: await sample('specforge_model_cost_usd_total', labels),
    };
    // An answer that is not JSON, then a valid one: two HTTP calls for one phase.
    const { fake, generate } = await generatorAnswering(
      [() => ({ kind: 'content', text: '{"summary": "cut' }), valid],
      model,
      true,
    );
    const generation = await generate();
    expect(fake.requests).toHaveLength(2);
    expect(await sample('specforge_model_calls_total', { ...labels, outcome: 'ok' })).toBe(before.ok + 2);
    expect(await sample('specforge_model_tokens_total', { ...labels, kind: 'input' })).toBe(
      before.input + generation.usage.input,
    );
    expect(await sample('specforge_model_tokens_total', { ...labels, kind: 'output' })).toBe(
      before.output + generation.usage.output,
    );
    expect(generation.usage.input).toBeGreaterThan(0);
    const cost = (await sample('specforge_model_cost_usd_total', labels)) - before.cost;
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeCloseTo(llmCostUsd('openai', model, generation.usage)!, 5);
  });

  it('counts a 429 as rate_limited for its provider, the host of OPENAI_BASE_URL, and leaves the error to the sorter', async () => {
    const model = 'rate-limited-model';
    const { generate, provider } = await generatorAnswering(
      [() => ({ kind: 'status', status: 429, headers: { 'retry-after': '7' } })],
      model,
    );
    const before = await sample('specforge_model_rate_limited_total', { provider });
    await expect(generate()).rejects.toMatchObject({ type: FailureType.LlmRateLimited });
    expect(await sample('specforge_model_calls_total', { provider, model, outcome: 'rate_limited' })).toBe(1);
    expect(await sample('specforge_model_calls_total', { provider, model, outcome: 'ok' })).toBe(0);
    expect(await sample('specforge_model_rate_limited_total', { provider })).toBe(before + 1);
  });

  it('counts a server failure as an error, not as a rate limit, and adds no tokens', async () => {
    const model = 'failing-model';
    const { generate, provider } = await generatorAnswering([() => ({ kind: 'status', status: 503 })], model);
    const limitedBefore = await sample('specforge_model_rate_limited_total', { provider });
    await expect(generate()).rejects.toMatchObject({ type: FailureType.LlmUnavailable });
    expect(await sample('specforge_model_calls_total', { provider, model, outcome: 'error' })).toBe(1);
    expect(await sample('specforge_model_rate_limited_total', { provider })).toBe(limitedBefore);
    expect(await sample('specforge_model_tokens_total', { provider, model, kind: 'input' })).toBe(0);
  });

  it('costs nothing on a server that is not OpenAI, whatever the model is called', async () => {
    const model = 'gpt-4o';
    const { generate, provider } = await generatorAnswering([valid], model);
    await generate();
    expect(await sample('specforge_model_calls_total', { provider, model, outcome: 'ok' })).toBe(1);
    expect(await sample('specforge_model_cost_usd_total', { provider, model })).toBe(0);
  });

  it('labels the provider with the host alone: never a path, a query or credentials in the URL', () => {
    const secret = ['not', 'a', 'real', 'password'].join('-');
    expect(modelProvider(undefined)).toBe('openai');
    expect(modelProvider('https://api.openai.com/v1')).toBe('openai');
    expect(modelProvider(`http://bot:${secret}@llm.internal:8080/v1?key=${secret}`)).toBe('llm.internal:8080');
    expect(modelProvider('not a url')).toBe('unknown');
  });
});
