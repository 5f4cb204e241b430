import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import { fetchWithTimeouts } from '../../src/activities/llm/timed-fetch';
import type { PhaseContext } from '../../src/activities/phases/phase-definition';
import { requirementsPhase } from '../../src/activities/phases/requirements/definition';
import { FailureType } from '../../src/shared/failure-types';

/**
 * A real llama.cpp-family server (llama-cpp-python, llama.cpp's llama-server, Ollama, vLLM) at
 * SPECFORGE_TEST_LLAMA_URL, e.g. http://127.0.0.1:8000/v1. A small model writes poor specs: this
 * checks compatibility and timing (the server takes what is sent and answers in time), not quality.
 */
const url = process.env.SPECFORGE_TEST_LLAMA_URL;
const timeoutMs = Number(process.env.SPECFORGE_LLM_TIMEOUT_MS ?? 600_000);
const context: PhaseContext = {
  specId: 'spec-llama',
  feature: 'Add passwordless login with magic links',
  description: 'Links expire after 15 minutes.',
  revision: 1,
  feedback: [],
  answers: {},
  earlier: {},
};

if (!url)
  console.warn(
    'real llama.cpp-family server test skipped: set SPECFORGE_TEST_LLAMA_URL to its OpenAI-compatible base URL (e.g. http://127.0.0.1:8000/v1)',
  );

describe.skipIf(!url)('a real llama.cpp-family server (SPECFORGE_TEST_LLAMA_URL)', () => {
  it(
    'takes a phase request in a format it supports and answers within the model timeout',
    { timeout: 3 * 4 * timeoutMs },
    async () => {
      const formats: string[] = [];
      const fetchImpl = fetchWithTimeouts(timeoutMs);
      const recording: typeof fetch = (input, init) => {
        if (typeof init?.body === 'string')
          formats.push(
            (JSON.parse(init.body) as { response_format?: { type: string } }).response_format?.type ?? 'none',
          );
        return fetchImpl(input, init);
      };
      const generator = createOpenAIGenerator({
        apiKey: process.env.OPENAI_API_KEY ?? 'sk-local',
        baseURL: url,
        model: process.env.SPECFORGE_MODEL ?? 'local',
        timeoutMs,
        fetch: recording,
        tokens: { answerTokens: 2048, maxTokens: 4096 },
      });
      const started = Date.now();
      const outcome = await generator
        .generate(requirementsPhase, context, async () => [])
        .then(
          (generation) => ({ ok: true as const, generation }),
          (error: ApplicationFailure) => ({ ok: false as const, error }),
        );
      console.info(
        `llama server: formats sent ${formats.join(' → ')}; ${outcome.ok ? 'valid requirements' : `${outcome.error.type}: ${outcome.error.message.slice(0, 300)}`}; ${Math.round((Date.now() - started) / 1000)} s`,
      );
      // A weak model may still answer badly (InvalidModelOutput); the server must not refuse, time out or drop the request.
      if (!outcome.ok) expect(outcome.error.type).toBe(FailureType.InvalidModelOutput);
      expect(formats.at(-1)).toMatch(/json_schema|json_object/);
    },
  );
});
