import { OPENAI_STRICT, WITH_LENGTHS, type SchemaDialect } from './sent-schema';

/** How the answer's shape is asked for, strictest first: the order `auto` tries them in. */
export const RESPONSE_FORMATS = ['json_schema_strict', 'json_schema', 'json_object'] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];

/** SPECFORGE_RESPONSE_FORMAT: one format, or `auto` to fall back from strict to JSON mode. */
export const RESPONSE_FORMAT_SETTINGS = ['auto', ...RESPONSE_FORMATS] as const;
export type ResponseFormatSetting = (typeof RESPONSE_FORMAT_SETTINGS)[number];

/** What a format takes of JSON Schema: strict mode refuses lengths; the others (llama.cpp, vLLM, Ollama) constrain with them. */
export function dialectOf(format: ResponseFormat, omit: ReadonlySet<string>): SchemaDialect {
  return { ...(format === 'json_schema_strict' ? OPENAI_STRICT : WITH_LENGTHS), omit };
}

/**
 * The request's response_format. JSON mode carries the schema beside the type, as
 * llama-cpp-python takes it (it turns the schema into a grammar); servers that ignore it still
 * find the schema in the system message.
 */
export function responseFormatOf(format: ResponseFormat, name: string, schema: Record<string, unknown>) {
  switch (format) {
    case 'json_schema_strict':
      return { type: 'json_schema' as const, json_schema: { name, strict: true, schema } };
    case 'json_schema':
      return { type: 'json_schema' as const, json_schema: { name, strict: false, schema } };
    case 'json_object':
      return { type: 'json_object' as const, schema };
  }
}

/** The system message: in JSON mode nothing else tells the model the shape, so the schema goes in it. */
export function systemMessageOf(format: ResponseFormat, system: string, schema: Record<string, unknown>): string {
  if (format !== 'json_object') return system;
  return `${system}\nThe JSON Schema the answer must match:\n${JSON.stringify(schema)}`;
}
