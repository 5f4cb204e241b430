/**
 * OpenTelemetry GenAI semantic-convention attribute names. They are still "incubating", and
 * OpenTelemetry asks users to copy incubating names rather than import them, so an upgrade of
 * @opentelemetry/semantic-conventions cannot rename them under us.
 */
export const GEN_AI = {
  operationName: 'gen_ai.operation.name',
  /** Superseded by gen_ai.provider.name; still written for backends that read only the old name. */
  system: 'gen_ai.system',
  providerName: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  requestMaxTokens: 'gen_ai.request.max_tokens',
  responseModel: 'gen_ai.response.model',
  responseId: 'gen_ai.response.id',
  responseFinishReasons: 'gen_ai.response.finish_reasons',
  usageInputTokens: 'gen_ai.usage.input_tokens',
  usageOutputTokens: 'gen_ai.usage.output_tokens',
} as const;
