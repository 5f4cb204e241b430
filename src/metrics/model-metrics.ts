import { llmCostUsd } from '../activities/llm/llm-prices';
import { registeredCounter } from './registered-metric';

const OPENAI_HOST = 'api.openai.com';

const calls = () =>
  registeredCounter({
    name: 'specforge_model_calls_total',
    help: 'HTTP calls to the model, by provider, model and outcome (ok, rate_limited, error)',
    labelNames: ['provider', 'model', 'outcome'] as const,
  });
const tokens = () =>
  registeredCounter({
    name: 'specforge_model_tokens_total',
    help: 'Tokens the model server reported, by provider, model and kind (input, output)',
    labelNames: ['provider', 'model', 'kind'] as const,
  });
const cost = () =>
  registeredCounter({
    name: 'specforge_model_cost_usd_total',
    help: "What the model calls cost at OpenAI's list prices (src/activities/llm/llm-prices.ts); 0 for other servers",
    labelNames: ['provider', 'model'] as const,
  });
const rateLimited = () =>
  registeredCounter({
    name: 'specforge_model_rate_limited_total',
    help: 'Model calls refused with 429 (rate limited), by provider',
    labelNames: ['provider'] as const,
  });

/** What a chat completion reports of its tokens (OpenAI's `usage`). */
interface Reported {
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
}

/**
 * "openai" for OpenAI's API, else the host (and port) of OPENAI_BASE_URL: one worker talks to one
 * server, so the label stays one value per worker, and it never carries a path or a query.
 */
export function modelProvider(server: string | undefined): string {
  if (!server) return 'openai';
  try {
    const { host } = new URL(server);
    return host === OPENAI_HOST ? 'openai' : host;
  } catch {
    return 'unknown';
  }
}

/**
 * One HTTP call to the model, counted by outcome; an answer adds its tokens and what they cost,
 * a 429 counts for its provider. The error goes on unchanged to the caller's sorting.
 */
export async function meteredModelCall<T extends Reported>(
  server: string | undefined,
  model: string,
  call: () => Promise<T>,
): Promise<T> {
  const provider = modelProvider(server);
  let completion: T;
  try {
    completion = await call();
  } catch (error) {
    const limited = (error as { status?: unknown } | undefined)?.status === 429;
    calls().inc({ provider, model, outcome: limited ? 'rate_limited' : 'error' });
    if (limited) rateLimited().inc({ provider });
    throw error;
  }
  calls().inc({ provider, model, outcome: 'ok' });
  const usage = { input: completion.usage?.prompt_tokens ?? 0, output: completion.usage?.completion_tokens ?? 0 };
  tokens().inc({ provider, model, kind: 'input' }, usage.input);
  tokens().inc({ provider, model, kind: 'output' }, usage.output);
  // A model missing from the price table has no known cost: its series is left out rather than shown as free.
  const usd = llmCostUsd(provider, model, usage);
  if (usd !== null) cost().inc({ provider, model }, usd);
  return completion;
}
