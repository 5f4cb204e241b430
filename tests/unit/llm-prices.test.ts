import { expect, it } from 'vitest';
import { llmCostUsd } from '../../src/activities/llm/llm-prices';

it('prices a phase from its tokens, including dated model snapshots, and says null for unknown models', () => {
  expect(llmCostUsd('openai', 'gpt-4o-mini-2024-07-18', { input: 1_000_000, output: 500_000 })).toBe(0.45);
  expect(llmCostUsd('openai', 'llama3:70b', { input: 1000, output: 1000 })).toBeNull();
  expect(llmCostUsd('offline', 'offline-templates-v1', { input: 0, output: 0 })).toBe(0);
});
