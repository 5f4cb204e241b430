import { SpanKind, SpanStatusCode, trace, type Attributes } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE, ATTR_SERVER_ADDRESS, ATTR_SERVER_PORT } from '@opentelemetry/semantic-conventions';
import { GEN_AI } from './gen-ai-attributes';

export interface ModelCallAttributes {
  /** `gen_ai.provider.name`: "openai" for every OpenAI-compatible server. */
  provider: string;
  /** The model asked for (`gen_ai.request.model`). */
  model: string;
  /** The server's base URL: its host and port become server.address and server.port. */
  serverUrl: string;
  maxTokens?: number;
}

/** The parts of a chat completion the span reads (OpenAI's ChatCompletion has them all). */
export interface ModelCallResponse {
  id?: string;
  model?: string;
  usage?: { prompt_tokens?: number; completion_tokens?: number } | null;
  choices?: ReadonlyArray<{ finish_reason?: string | null }>;
}

/**
 * Runs one chat-completion request inside a CLIENT span named `chat <model>`, with the GenAI
 * semantic conventions: the request (model, max_tokens, server), the answer (model, id, finish
 * reasons, token usage) or, on failure, `error.type`. Prompts, answers and error messages are never
 * put on the span: they are the team's feature text, and a server may echo a key into its error.
 */
export async function withModelCallSpan<T extends ModelCallResponse>(
  attributes: ModelCallAttributes,
  call: () => Promise<T>,
): Promise<T> {
  const tracer = trace.getTracer('specforge-model');
  return tracer.startActiveSpan(
    `chat ${attributes.model}`,
    { kind: SpanKind.CLIENT, attributes: requestAttributes(attributes) },
    async (span) => {
      try {
        const response = await call();
        span.setAttributes(responseAttributes(response));
        return response;
      } catch (error) {
        span.setAttribute(ATTR_ERROR_TYPE, errorType(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

function requestAttributes(attributes: ModelCallAttributes): Attributes {
  const server = new URL(attributes.serverUrl);
  const defaultPort = server.protocol === 'https:' ? 443 : 80;
  return {
    [GEN_AI.operationName]: 'chat',
    [GEN_AI.providerName]: attributes.provider,
    [GEN_AI.system]: attributes.provider,
    [GEN_AI.requestModel]: attributes.model,
    ...(attributes.maxTokens === undefined ? {} : { [GEN_AI.requestMaxTokens]: attributes.maxTokens }),
    [ATTR_SERVER_ADDRESS]: server.hostname,
    [ATTR_SERVER_PORT]: server.port ? Number(server.port) : defaultPort,
  };
}

function responseAttributes(response: ModelCallResponse): Attributes {
  const finishReasons = (response.choices ?? []).flatMap((choice) =>
    choice.finish_reason ? [choice.finish_reason] : [],
  );
  return {
    ...(response.model ? { [GEN_AI.responseModel]: response.model } : {}),
    ...(response.id ? { [GEN_AI.responseId]: response.id } : {}),
    ...(finishReasons.length > 0 ? { [GEN_AI.responseFinishReasons]: finishReasons } : {}),
    ...(response.usage?.prompt_tokens === undefined ? {} : { [GEN_AI.usageInputTokens]: response.usage.prompt_tokens }),
    ...(response.usage?.completion_tokens === undefined
      ? {}
      : { [GEN_AI.usageOutputTokens]: response.usage.completion_tokens }),
  };
}

/**
 * A low-cardinality name for what went wrong: the HTTP status when the server answered (429, 500),
 * else the error's class (APIConnectionTimeoutError, AbortError), else `_OTHER`.
 */
export function errorType(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const status = (error as { status?: unknown }).status;
    if (typeof status === 'number') return String(status);
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string' && name !== 'Error') return name;
    const constructorName = error.constructor?.name;
    if (constructorName && constructorName !== 'Object') return constructorName;
  }
  return '_OTHER';
}
