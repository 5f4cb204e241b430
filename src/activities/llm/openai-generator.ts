import { ApplicationFailure } from '@temporalio/common';
import OpenAI from 'openai';
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import { FailureType } from '../../shared/failure-types';
import { meteredModelCall } from '../../metrics/model-metrics';
import { withModelCallSpan } from '../../telemetry/model-call-span';
import type { PhaseDefinition } from '../phases/phase-definition';
import type { Generator, GenerationProgress } from './generator';
import { classifyOpenAIError, withUsage } from './openai-errors';
import { parseModelJson } from './parse-model-json';
import { MAX_REPAIRS } from './phase-activity-timeout';
import { phasePrompt } from './phase-prompt';
import { responseFormatOf, systemMessageOf, type ResponseFormatSetting } from './response-format';
import { sentSchema } from './sent-schema';
import { serverContextTokens } from './server-context-tokens';
import { ServerSupport } from './server-support';
import { fetchWithTimeouts } from './timed-fetch';
import { TokenBudget, type TokenLimits } from './token-budget';

export interface OpenAIGeneratorOptions {
  apiKey: string;
  baseURL?: string;
  model: string;
  /** Each request's timeout (SPECFORGE_LLM_TIMEOUT_MS). */
  timeoutMs: number;
  /** SPECFORGE_RESPONSE_FORMAT; default auto. */
  responseFormat?: ResponseFormatSetting;
  tokens?: Partial<TokenLimits>;
  fetch?: typeof fetch;
  /** Every secret the worker holds (the key is always added): redacted from the failures this generator throws. */
  secrets?: readonly (string | undefined)[];
}

const OPENAI_URL = 'https://api.openai.com/v1';
const DEFAULT_TOKENS: TokenLimits = { answerTokens: 4096, maxTokens: 16_384 };

/**
 * Structured outputs for every kind of server: the strictest response format the server takes
 * (strict json_schema, then non-strict, then JSON mode with the schema), learned from its
 * refusals; and a repair loop that returns the exact errors to the model at most twice.
 */
export function createOpenAIGenerator(options: OpenAIGeneratorOptions): Generator {
  const fetchImpl = options.fetch ?? fetchWithTimeouts(options.timeoutMs);
  // Temporal owns retries, so the client never retries on its own.
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    maxRetries: 0,
    timeout: options.timeoutMs,
    fetch: fetchImpl,
  });
  const server = options.baseURL ?? OPENAI_URL;
  const secrets = [options.apiKey, ...(options.secrets ?? [])];
  const support = new ServerSupport(options.responseFormat ?? 'auto');
  const budget = new TokenBudget({ ...DEFAULT_TOKENS, ...options.tokens }, () =>
    serverContextTokens(server, fetchImpl),
  );
  return {
    provider: 'openai',
    model: options.model,
    async generate(definition, context, check, progress = {}) {
      const usage = { input: 0, output: 0 };
      try {
        return await answer(definition, phasePrompt(definition, context), check, progress, usage);
      } catch (error) {
        throw withUsage(classifyOpenAIError(error, server, secrets), usage);
      }
    },
  };

  async function answer<Content>(
    definition: PhaseDefinition,
    prompt: { system: string; user: string },
    check: (content: Content) => Promise<string[]>,
    progress: GenerationProgress,
    usage: { input: number; output: number },
  ) {
    const conversation: ChatCompletionMessageParam[] = [{ role: 'user', content: prompt.user }];
    let maxTokens = budget.first(prompt.system.length + prompt.user.length);
    let errors: string[] = [];
    for (let repairs = 0; repairs <= MAX_REPAIRS;) {
      progress.onAttempt?.(repairs + 1);
      const completion = await complete(definition, prompt.system, conversation, maxTokens, progress.signal);
      usage.input += completion.usage?.prompt_tokens ?? 0;
      usage.output += completion.usage?.completion_tokens ?? 0;
      const choice = completion.choices[0];
      const text = choice?.message.content ?? '';
      if (choice?.finish_reason === 'length') {
        // A cut-off answer is never parsed as if it were whole.
        const grown = await budget.grow(maxTokens, completion.usage?.prompt_tokens ?? 0);
        if (grown === undefined) {
          throw ApplicationFailure.nonRetryable(
            `The ${definition.name} answer was truncated at ${maxTokens} tokens, the most it may have: ${await budget.limitText()}`,
            FailureType.InvalidModelOutput,
          );
        }
        maxTokens = grown;
        continue;
      }
      const parsed = parseModelJson(text);
      const checked = parsed.ok ? definition.schema.safeParse(parsed.value) : undefined;
      if (checked?.success) {
        errors = await check(checked.data as Content);
        if (errors.length === 0)
          return { content: checked.data as never, usage, model: completion.model || options.model };
      } else {
        errors = parsed.ok
          ? checked!.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
          : [parsed.error];
      }
      conversation.push(
        { role: 'assistant', content: text },
        {
          role: 'user',
          content: `Your answer has these errors; answer again with the corrected JSON only:\n${errors.join('\n')}`,
        },
      );
      repairs += 1;
    }
    throw ApplicationFailure.nonRetryable(
      `The model's ${definition.name} answer was still invalid after ${MAX_REPAIRS} repairs: ${errors.slice(0, 10).join('; ')}`,
      FailureType.InvalidModelOutput,
    );
  }

  /** One answer, in the form this server takes: a refused format or keyword is learned and the request sent again. */
  async function complete(
    definition: PhaseDefinition,
    system: string,
    conversation: ChatCompletionMessageParam[],
    maxTokens: number,
    signal?: AbortSignal,
  ): Promise<ChatCompletion> {
    for (;;) {
      const format = support.format(server);
      const schema = sentSchema(definition.schema, support.dialect(server));
      const request = {
        model: options.model,
        messages: [{ role: 'system', content: systemMessageOf(format, system, schema) }, ...conversation],
        max_tokens: maxTokens,
        response_format: responseFormatOf(format, definition.name, schema),
      } as ChatCompletionCreateParamsNonStreaming;
      try {
        // One span and one count per HTTP call: repairs and format retries each show as their own call.
        return await withModelCallSpan({ provider: 'openai', model: options.model, serverUrl: server, maxTokens }, () =>
          meteredModelCall(options.baseURL, options.model, () => client.chat.completions.create(request, { signal })),
        );
      } catch (error) {
        if (!support.adapt(server, error, schema)) throw error;
      }
    }
  }
}
