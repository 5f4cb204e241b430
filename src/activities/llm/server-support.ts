import { ApplicationFailure } from '@temporalio/common';
import OpenAI from 'openai';
import { FailureType } from '../../shared/failure-types';
import { dialectOf, RESPONSE_FORMATS, type ResponseFormat, type ResponseFormatSetting } from './response-format';
import type { SchemaDialect } from './sent-schema';

/** Schema keywords a server may refuse without refusing structured output: each can be left out on its own. */
const OPTIONAL_KEYWORDS = [
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
];

interface Learned {
  /** Index into the formats the setting allows. */
  format: number;
  omit: Set<string>;
}

/**
 * What each model server (by base URL) takes, learned from its refusals and remembered for the
 * generator's life: which response format, and which schema keywords to leave out. A refusal is
 * recognised on any 4xx or 5xx that names what it refuses: llama-cpp-python answers a json_schema
 * request with a 500 ("Input should be 'text' or 'json_object'").
 */
export class ServerSupport {
  private readonly learned = new Map<string, Learned>();
  private readonly formats: readonly ResponseFormat[];

  constructor(private readonly setting: ResponseFormatSetting) {
    this.formats = setting === 'auto' ? RESPONSE_FORMATS : [setting];
  }

  format(server: string): ResponseFormat {
    return this.formats[this.of(server).format]!;
  }

  dialect(server: string): SchemaDialect {
    return dialectOf(this.format(server), this.of(server).omit);
  }

  /**
   * After a failed request: true when the server refused a keyword or the format and the request
   * is worth sending again in the form it takes; false for any other failure. Throws when the
   * server refuses every format the setting allows.
   */
  adapt(server: string, error: unknown, sentSchema: Record<string, unknown>): boolean {
    if (!(error instanceof OpenAI.APIError) || error.status === undefined || error.status < 400) return false;
    const learned = this.of(server);
    const sent = JSON.stringify(sentSchema);
    const refusedKeywords = OPTIONAL_KEYWORDS.filter(
      (keyword) =>
        !learned.omit.has(keyword) &&
        sent.includes(`"${keyword}":`) &&
        new RegExp(`\\b${keyword}\\b`).test(error.message),
    );
    if (refusedKeywords.length > 0) {
      for (const keyword of refusedKeywords) learned.omit.add(keyword);
      return true;
    }
    if (!/response_format|json_schema|json_object/i.test(error.message)) return false;
    if (learned.format + 1 < this.formats.length) {
      learned.format += 1;
      return true;
    }
    throw formatRefused(this.setting, this.formats[learned.format]!, error);
  }

  private of(server: string): Learned {
    let learned = this.learned.get(server);
    if (!learned) this.learned.set(server, (learned = { format: 0, omit: new Set() }));
    return learned;
  }
}

function formatRefused(
  setting: ResponseFormatSetting,
  format: ResponseFormat,
  error: InstanceType<typeof OpenAI.APIError>,
): ApplicationFailure {
  const tried =
    setting === 'auto' ? `every response format (${RESPONSE_FORMATS.join(', ')})` : `response format ${format}`;
  const fix =
    setting === 'auto'
      ? 'use a server with structured output (json_schema) or JSON mode (json_object)'
      : `set SPECFORGE_RESPONSE_FORMAT=auto to try ${RESPONSE_FORMATS.join(', then ')}`;
  return ApplicationFailure.nonRetryable(
    `The model server refused ${tried} (SPECFORGE_RESPONSE_FORMAT=${setting}): ${fix}. It said (${error.status}): ${error.message}`,
    FailureType.LlmResponseFormatRefused,
  );
}
