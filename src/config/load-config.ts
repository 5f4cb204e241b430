import { z } from 'zod';
import { RESPONSE_FORMAT_SETTINGS } from '../activities/llm/response-format';
import { parseEncryptionKeys } from '../codec/encryption-keys';
import { DEFAULT_HISTORY_LIMIT, HISTORY_LIMIT_BOUNDS } from '../shared/spec-run';

const MIB = 1024 * 1024;

const optionalText = z.string().trim().min(1).optional().catch(undefined);

const configSchema = z.object({
  TEMPORAL_ADDRESS: z
    .string()
    .trim()
    .regex(/^[^\s:]+:\d+$/, 'must be host:port, e.g. localhost:7233')
    .optional(),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('specforge'),
  TEMPORAL_CLI_PATH: optionalText,
  /** Frontend port of the local dev server specforge starts when TEMPORAL_ADDRESS is unset. */
  TEMPORAL_PORT: z.coerce.number().int().min(1).max(65535).default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(1).max(65535).default(8233),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** The address the API listens on: loopback unless set (0.0.0.0 in a container, behind its published port). */
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  /** A service token with the admin role: /v1 and the review page then need a token or a session. */
  SPECFORGE_API_TOKEN: z.string().min(16, 'use at least 16 characters').optional(),
  /** YAML or JSON: reviewers with name, role (reviewer | admin) and tokenSha256. */
  SPECFORGE_REVIEWERS_FILE: optionalText,
  /** Shared by the API and the worker: the key that signs decisions sent through specforge. */
  SPECFORGE_DECISION_KEY: z.string().min(32, 'use at least 32 characters').optional(),
  /** The API's public URL: review links in webhooks and the Temporal UI; where the CLI sends requests. */
  SPECFORGE_URL: z.url().optional(),
  /** The CLI's token for SPECFORGE_URL (a reviewer's own token, or the service token). */
  SPECFORGE_TOKEN: optionalText,
  /** Gate openings, reminders and run ends are POSTed here as JSON (Slack-compatible `text`). */
  SPECFORGE_WEBHOOK_URL: z.url().optional(),
  OPENAI_API_KEY: optionalText,
  OPENAI_BASE_URL: z.url().optional(),
  SPECFORGE_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** With a model configured, the next phase is generated while a gate waits, as if approved: "off" stops it. */
  SPECFORGE_SPECULATE: z.enum(['on', 'off']).default('on'),
  SPECFORGE_LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(120_000),
  /** How the answer's shape is asked for; auto tries json_schema strict, then non-strict, then JSON mode with the schema. */
  SPECFORGE_RESPONSE_FORMAT: z.enum(RESPONSE_FORMAT_SETTINGS).default('auto'),
  /** max_tokens of a phase's first request; a truncated answer is asked again with twice as many. */
  SPECFORGE_ANSWER_TOKENS: z.coerce.number().int().positive().default(4096),
  /** No request asks for more tokens than this. */
  SPECFORGE_MAX_TOKENS: z.coerce.number().int().positive().default(16_384),
  /** The model server's context window; unset: what the server reports (vLLM, llama.cpp), or no limit. */
  SPECFORGE_CONTEXT_TOKENS: z.coerce.number().int().positive().optional(),
  SPECFORGE_OUT: z.string().min(1).default('specs'),
  SPECFORGE_HOME: z.string().min(1).default('.specforge'),
  /** The worker removes the working files of runs closed longer ago than this, and cache entries not used within it. */
  SPECFORGE_RETENTION_DAYS: z.coerce.number().positive().default(30),
  /** A run's history size at which it continues as new at its gate (Temporal terminates runs at 51,200 events or 50 MB). */
  SPECFORGE_HISTORY_EVENTS: z.coerce
    .number()
    .int()
    .min(HISTORY_LIMIT_BOUNDS.events.min)
    .max(HISTORY_LIMIT_BOUNDS.events.max)
    .default(DEFAULT_HISTORY_LIMIT.events),
  SPECFORGE_HISTORY_MB: z.coerce
    .number()
    .min(HISTORY_LIMIT_BOUNDS.bytes.min / MIB)
    .max(HISTORY_LIMIT_BOUNDS.bytes.max / MIB)
    .default(DEFAULT_HISTORY_LIMIT.bytes / MIB),
  GITHUB_TOKEN: optionalText,
  GITHUB_API_URL: z.url().optional(),
  /** "off" lifts the plugin's one-write-at-a-time pacing, for servers without secondary limits. */
  GITHUB_WRITE_PACING: z.enum(['github', 'off']).default('github'),
  JIRA_HOST: z.url().optional(),
  JIRA_EMAIL: optionalText,
  JIRA_API_TOKEN: optionalText,
  /** <id>:<base64 of 32 bytes>[,…]: payloads and failures in Temporal are encrypted with the first key; the others still decrypt. */
  SPECFORGE_ENCRYPTION_KEYS: z
    .string()
    .optional()
    .superRefine((value, context) => {
      if (value === undefined) return;
      try {
        parseEncryptionKeys(value);
      } catch (error) {
        context.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  /** The Temporal UI's URL: links to a run, and the one origin the codec endpoint answers (CORS); unset: the local dev server's UI. */
  TEMPORAL_UI_URL: z.url().optional(),
  /** OTLP/HTTP collector base URL (spans go to <url>/v1/traces); unset: no spans are recorded or sent. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
  /** service.name on the spans; unset: specforge (npm start, the CLI) or specforge-worker. */
  OTEL_SERVICE_NAME: optionalText,
  /** The standalone worker serves GET /metrics on this port (all interfaces); unset: no metrics port. */
  SPECFORGE_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads the environment once, at an entry point; names the variable that is wrong. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
}
