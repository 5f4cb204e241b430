import type { Generator } from '../src/activities/llm/generator';
import { createOfflineGenerator } from '../src/activities/llm/offline-generator';
import { createOpenAIGenerator } from '../src/activities/llm/openai-generator';

/** The two providers the sample benches compare: the offline templates, and the real OpenAI client against the fake model. */
export function benchProviders(fakeBaseUrl: string): [string, Generator][] {
  return [
    ['offline', createOfflineGenerator()],
    [
      'scripted model',
      createOpenAIGenerator({
        apiKey: 'sk-bench-not-a-key',
        baseURL: fakeBaseUrl,
        model: 'gpt-bench',
        timeoutMs: 10_000,
      }),
    ],
  ];
}
