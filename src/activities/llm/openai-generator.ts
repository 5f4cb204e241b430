import { ApplicationFailure } from '@temporalio/common';
import OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Generator } from './generator';
import { classifyOpenAIError } from './openai-errors';
import { parseModelJson } from './parse-model-json';
import { phasePrompt } from './phase-prompt';
import { strictJsonSchema } from './strict-json-schema';

export interface OpenAIGeneratorOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  timeoutMs: number;
  /** Tokens for the first attempt; a truncated answer doubles it, up to four times. */
  maxTokens?: number;
  fetch?: typeof fetch;
}

const MAX_REPAIRS = 2;
const MAX_TOKEN_GROWTH = 4;

/**
 * Structured outputs (json_schema, strict) with a JSON-mode fallback for compatible servers that
 * lack it, and a repair loop that returns the exact errors to the model at most twice.
 */
export function createOpenAIGenerator(options: OpenAIGeneratorOptions): Generator {
  // Temporal owns retries, so the client never retries on its own.
  const client = new OpenAI({ apiKey: options.apiKey, baseURL: options.baseURL, maxRetries: 0, timeout: options.timeoutMs, fetch: options.fetch });
  let jsonSchemaSupported = true;
  return {
    provider: 'openai',
    model: options.model,
    async generate(definition, context, check, progress = {}) {
      const prompt = phasePrompt(definition, context);
      const messages: ChatCompletionMessageParam[] = [
        { role: 'system', content: prompt.system },
        { role: 'user', content: prompt.user },
      ];
      const usage = { input: 0, output: 0 };
      let maxTokens = options.maxTokens ?? 4096;
      let errors: string[] = [];
      for (let repairs = 0; repairs <= MAX_REPAIRS; ) {
        progress.onAttempt?.(repairs + 1);
        const completion = await complete();
        usage.input += completion.usage?.prompt_tokens ?? 0;
        usage.output += completion.usage?.completion_tokens ?? 0;
        const choice = completion.choices[0];
        const text = choice?.message.content ?? '';
        if (choice?.finish_reason === 'length') {
          // A cut-off answer is never parsed as if it were whole.
          if (maxTokens >= (options.maxTokens ?? 4096) * MAX_TOKEN_GROWTH) {
            throw ApplicationFailure.nonRetryable(`The ${definition.name} answer was truncated at ${maxTokens} tokens`, 'InvalidModelOutput');
          }
          maxTokens *= 2;
          continue;
        }
        const parsed = parseModelJson(text);
        const checked = parsed.ok ? definition.schema.safeParse(parsed.value) : undefined;
        if (checked?.success) {
          errors = await check(checked.data);
          if (errors.length === 0) return { content: checked.data, usage, model: completion.model || options.model };
        } else {
          errors = parsed.ok ? checked!.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`) : [parsed.error];
        }
        messages.push({ role: 'assistant', content: text }, { role: 'user', content: `Your answer has these errors; answer again with the corrected JSON only:\n${errors.join('\n')}` });
        repairs += 1;
      }
      throw ApplicationFailure.nonRetryable(
        `The model's ${definition.name} answer was still invalid after ${MAX_REPAIRS} repairs: ${errors.slice(0, 10).join('; ')}`,
        'InvalidModelOutput',
      );

      async function complete() {
        try {
          return await client.chat.completions.create(
            {
              model: options.model,
              messages,
              max_tokens: maxTokens,
              response_format: jsonSchemaSupported
                ? { type: 'json_schema', json_schema: { name: definition.name, strict: true, schema: strictJsonSchema(definition.schema) } }
                : { type: 'json_object' },
            },
            { signal: progress.signal },
          );
        } catch (error) {
          if (jsonSchemaSupported && error instanceof OpenAI.BadRequestError && /response_format|json_schema/i.test(error.message)) {
            jsonSchemaSupported = false;
            return complete();
          }
          throw classifyOpenAIError(error);
        }
      }
    },
  };
}
