import { loadConfig, type Config } from '../config/load-config';

interface VariableHelp {
  meaning: string;
  /** What an unset variable without a default means. */
  unset?: string;
}

/**
 * One entry per configuration variable: keyed by the Config type, so a variable added to or
 * removed from the configuration fails to compile until it is described here. Defaults are not
 * written here: they come from the configuration itself.
 */
const VARIABLES: Record<keyof Config, VariableHelp> = {
  TEMPORAL_ADDRESS: { meaning: 'Temporal frontend host:port', unset: 'start a local dev server on TEMPORAL_PORT' },
  TEMPORAL_NAMESPACE: { meaning: 'Temporal namespace' },
  TEMPORAL_TASK_QUEUE: { meaning: 'task queue of the worker' },
  TEMPORAL_CLI_PATH: { meaning: 'the temporal binary, when not on PATH', unset: "PATH, then Go's bin folder" },
  TEMPORAL_PORT: {
    meaning:
      'frontend port of the local dev server (state in SPECFORGE_HOME/temporal.db, temporal-<port>.db on other ports)',
  },
  TEMPORAL_UI_PORT: { meaning: 'UI port of the local dev server' },
  PORT: { meaning: 'HTTP API and review page port (specforge start)' },
  HOST: { meaning: 'address the HTTP API listens on: 0.0.0.0 for every interface (a container)' },
  SPECFORGE_API_TOKEN: {
    meaning: 'service token with the admin role; /v1 and the review page then need a token or a session',
    unset: 'open API (local use)',
  },
  SPECFORGE_REVIEWERS_FILE: {
    meaning: 'YAML or JSON list of reviewers: name, role (reviewer | admin), tokenSha256',
    unset: 'local single-user mode',
  },
  SPECFORGE_DECISION_KEY: {
    meaning:
      'key the API signs decisions with and workers check; the same for the API and every worker on other machines',
    unset: 'one kept in SPECFORGE_HOME/decision.key',
  },
  SPECFORGE_URL: {
    meaning: "the API's public URL: review links; with SPECFORGE_TOKEN, where the CLI sends its requests",
    unset: 'links use http://localhost:PORT',
  },
  SPECFORGE_TOKEN: {
    meaning: "the CLI's token for SPECFORGE_URL (your reviewer token, or the service token)",
    unset: 'the CLI talks to Temporal directly',
  },
  SPECFORGE_WEBHOOK_URL: {
    meaning: 'gate openings, reminders and run ends are POSTed here as JSON (Slack-compatible text)',
    unset: 'no notifications',
  },
  OPENAI_API_KEY: { meaning: 'key for OpenAI or a compatible server', unset: 'the offline generator' },
  OPENAI_BASE_URL: { meaning: 'Ollama, vLLM, LM Studio, Azure or any OpenAI-compatible URL', unset: 'OpenAI' },
  SPECFORGE_MODEL: { meaning: 'model name' },
  SPECFORGE_SPECULATE: { meaning: 'on: with a model, the next phase is generated while a gate waits; off: not' },
  SPECFORGE_LLM_TIMEOUT_MS: {
    meaning: "each model request's timeout; phase activities get this times the calls one may make",
  },
  SPECFORGE_RESPONSE_FORMAT: {
    meaning:
      "auto | json_schema_strict | json_schema | json_object: how the answer's shape is asked for; auto falls back in that order and remembers what each server takes",
  },
  SPECFORGE_ANSWER_TOKENS: {
    meaning: "max_tokens of a phase's first request; a truncated answer is asked again with twice as many",
  },
  SPECFORGE_MAX_TOKENS: { meaning: 'the most tokens any request asks for' },
  SPECFORGE_CONTEXT_TOKENS: {
    meaning: "the model server's context window: no request asks for more than it leaves after the prompt",
    unset: 'what the server reports (vLLM, llama.cpp), else no limit',
  },
  SPECFORGE_OUT: {
    meaning:
      "output root: each run's pack goes to <out>/<slug>/<run id>/; a worker writes nowhere else (the CLI's --out sets it for its own worker)",
  },
  SPECFORGE_HOME: { meaning: 'dev-server database, phase outputs, LLM cache' },
  SPECFORGE_RETENTION_DAYS: {
    meaning:
      'the worker removes the phase revisions of runs closed longer ago than this (the API then answers 410 Gone) and LLM cache entries not used within it; packs are kept',
  },
  SPECFORGE_HISTORY_EVENTS: {
    meaning: "events in a run's history at which it continues as new at its gate (Temporal's own limit is 51,200)",
  },
  SPECFORGE_HISTORY_MB: { meaning: "megabytes of a run's history at which it continues as new (Temporal's limit: 50)" },
  GITHUB_TOKEN: { meaning: 'token with issues write access', unset: 'no GitHub target' },
  GITHUB_API_URL: { meaning: 'GitHub Enterprise API URL', unset: 'api.github.com' },
  GITHUB_WRITE_PACING: { meaning: '"off" lifts the one-write-a-second pacing GitHub asks for' },
  JIRA_HOST: { meaning: 'Jira Cloud site', unset: 'no Jira target' },
  JIRA_EMAIL: { meaning: 'Jira account email', unset: 'no Jira target' },
  JIRA_API_TOKEN: { meaning: 'Jira API token', unset: 'no Jira target' },
  TEMPORAL_UI_URL: {
    meaning: "the Temporal UI's URL: links to runs, and the one origin allowed to call the codec endpoint (CORS)",
    unset: "the local dev server's UI, http://localhost:TEMPORAL_UI_PORT (none with TEMPORAL_ADDRESS)",
  },
  SPECFORGE_ENCRYPTION_KEYS: {
    meaning:
      '<id>:<base64 of 32 bytes>[,…]: encrypts payloads and failures in Temporal with the first key (openssl rand -base64 32); the others still decrypt',
    unset: 'payloads are stored in plain text',
  },
  SPECFORGE_METRICS_PORT: {
    meaning: 'the standalone worker serves GET /metrics (Prometheus) on this port, all interfaces, no token',
    unset: 'no metrics port (npm start serves /metrics on the API)',
  },
  OTEL_EXPORTER_OTLP_ENDPOINT: {
    meaning:
      'OpenTelemetry collector (OTLP/HTTP) base URL: traces of the API, runs, activities and model calls go to <url>/v1/traces',
    unset: 'no traces are recorded',
  },
  OTEL_SERVICE_NAME: {
    meaning: 'service.name on the traces',
    unset: 'specforge (npm start, the CLI) or specforge-worker',
  },
  LOG_LEVEL: { meaning: 'log level of the API and worker' },
};

/** The environment variables, their defaults and meanings, for the end of `specforge --help`. */
export function environmentHelp(defaults: Partial<Config> = loadConfig({})): string {
  const rows = Object.entries(VARIABLES).map(([name, help]) => {
    const value = defaults[name as keyof Config];
    return {
      name,
      fallback: value === undefined ? `unset: ${help.unset ?? 'not used'}` : `default: ${String(value)}`,
      meaning: help.meaning,
    };
  });
  const width = Math.max(...rows.map((row) => row.name.length)) + 2;
  const lines = rows.map((row) => `  ${row.name.padEnd(width)}${row.fallback}\n  ${' '.repeat(width)}${row.meaning}`);
  return `\nEnvironment (read once at start-up; a bad value stops the program naming the variable):\n${lines.join('\n')}\n`;
}
