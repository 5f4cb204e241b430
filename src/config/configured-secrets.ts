import type { Config } from './load-config';

/**
 * Whether each setting is a secret, one entry per setting: keyed by the Config type, so a setting
 * added to the configuration fails to compile until someone says whether it must be redacted.
 * URLs are not secrets as a whole, but a password in one (https://user:password@host) is
 * redacted by its shape wherever it appears.
 */
const IS_SECRET: Record<keyof Config, boolean> = {
  TEMPORAL_ADDRESS: false,
  TEMPORAL_NAMESPACE: false,
  TEMPORAL_TASK_QUEUE: false,
  TEMPORAL_CLI_PATH: false,
  TEMPORAL_PORT: false,
  TEMPORAL_UI_PORT: false,
  PORT: false,
  HOST: false,
  SPECFORGE_API_TOKEN: true,
  SPECFORGE_REVIEWERS_FILE: false,
  SPECFORGE_DECISION_KEY: true,
  SPECFORGE_URL: false,
  SPECFORGE_TOKEN: true,
  // A webhook URL is a credential: Slack's carries its secret in the path.
  SPECFORGE_WEBHOOK_URL: true,
  OPENAI_API_KEY: true,
  OPENAI_BASE_URL: false,
  SPECFORGE_MODEL: false,
  SPECFORGE_SPECULATE: false,
  SPECFORGE_LLM_TIMEOUT_MS: false,
  SPECFORGE_RESPONSE_FORMAT: false,
  SPECFORGE_ANSWER_TOKENS: false,
  SPECFORGE_MAX_TOKENS: false,
  SPECFORGE_CONTEXT_TOKENS: false,
  SPECFORGE_OUT: false,
  SPECFORGE_HOME: false,
  SPECFORGE_RETENTION_DAYS: false,
  SPECFORGE_HISTORY_EVENTS: false,
  SPECFORGE_HISTORY_MB: false,
  GITHUB_TOKEN: true,
  GITHUB_API_URL: false,
  GITHUB_WRITE_PACING: false,
  JIRA_HOST: false,
  JIRA_EMAIL: false,
  JIRA_API_TOKEN: true,
  SPECFORGE_ENCRYPTION_KEYS: true,
  TEMPORAL_UI_URL: false,
  OTEL_EXPORTER_OTLP_ENDPOINT: false,
  OTEL_SERVICE_NAME: false,
  SPECFORGE_METRICS_PORT: false,
  LOG_LEVEL: false,
};

/**
 * Every secret the configuration holds, read at an entry point and handed to the clients, the
 * error sorters and the loggers, which redact them. `extra` takes secrets found elsewhere (the
 * decision key kept in SPECFORGE_HOME).
 */
export function configuredSecrets(config: Partial<Config>, extra: readonly (string | undefined)[] = []): string[] {
  const settings = (Object.keys(IS_SECRET) as (keyof Config)[])
    .filter((name) => IS_SECRET[name])
    .map((name) => config[name]);
  // Jira's Basic credential as sent, so a server that echoes the header has it redacted whole.
  const jiraBasic =
    config.JIRA_EMAIL && config.JIRA_API_TOKEN
      ? Buffer.from(`${config.JIRA_EMAIL}:${config.JIRA_API_TOKEN}`).toString('base64')
      : undefined;
  // Each key on its own too: an error or a log line may show one key, never the whole list.
  const encryptionKeys = (config.SPECFORGE_ENCRYPTION_KEYS ?? '')
    .split(',')
    .map((entry) => entry.slice(entry.indexOf(':') + 1).trim());
  const candidates = [...settings, jiraBasic, ...encryptionKeys, ...extra];
  return [...new Set(candidates.filter((secret): secret is string => typeof secret === 'string' && secret !== ''))];
}
