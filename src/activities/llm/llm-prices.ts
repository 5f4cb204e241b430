import type { TokenUsage } from '../../shared/spec-run';

/** USD per million tokens (input, output), list prices checked on the date below; unknown models cost null. */
export const LLM_PRICES = {
  checkedOn: '2026-11-01',
  perMillion: {
    'gpt-4o-mini': { input: 0.15, output: 0.6 },
    'gpt-4o': { input: 2.5, output: 10 },
    'gpt-4.1-mini': { input: 0.4, output: 1.6 },
    'gpt-4.1': { input: 2, output: 8 },
  } as Record<string, { input: number; output: number }>,
};

/** What a phase's tokens cost at list price; 0 offline, null for a model the table does not know. */
export function llmCostUsd(provider: string, model: string, usage: TokenUsage): number | null {
  if (provider !== 'openai') return 0;
  const price = LLM_PRICES.perMillion[model.replace(/-\d{4}-\d{2}-\d{2}$/, '')];
  if (!price) return null;
  return Math.round(((usage.input * price.input + usage.output * price.output) / 1e6) * 1e6) / 1e6;
}
