import { ArtifactStore } from '../activities/artifacts/artifact-store';
import { createActivities } from '../activities/create-activities';
import { redactActivityErrors } from '../activities/redact-activity-errors';
import type { Generator } from '../activities/llm/generator';
import { createOfflineGenerator } from '../activities/llm/offline-generator';
import { createOpenAIGenerator } from '../activities/llm/openai-generator';
import { createFileTarget } from '../activities/tickets/file-target';
import { createGitHubTarget } from '../activities/tickets/github-target';
import { createJiraTarget } from '../activities/tickets/jira-target';
import { configuredSecrets } from '../config/configured-secrets';
import { decisionKeyFor } from '../config/decision-key';
import type { Config } from '../config/load-config';
import { publicUrl } from '../config/public-url';

/** Real clients from the configuration; credentials stay here, never in workflow inputs. */
export function wireActivities(config: Config) {
  const decisionKey = decisionKeyFor(config);
  // Redacted from every failure the clients throw: servers echo the credentials they were sent.
  const secrets = configuredSecrets(config, [decisionKey]);
  const store = new ArtifactStore(config.SPECFORGE_HOME, config.SPECFORGE_OUT);
  const tickets = {
    file: createFileTarget(store),
    ...(config.GITHUB_TOKEN
      ? {
          github: createGitHubTarget({
            token: config.GITHUB_TOKEN,
            baseUrl: config.GITHUB_API_URL,
            pacing: config.GITHUB_WRITE_PACING,
            secrets,
          }),
        }
      : {}),
    ...(config.JIRA_HOST && config.JIRA_EMAIL && config.JIRA_API_TOKEN
      ? {
          jira: createJiraTarget({
            host: config.JIRA_HOST,
            email: config.JIRA_EMAIL,
            apiToken: config.JIRA_API_TOKEN,
            secrets,
          }),
        }
      : {}),
  };
  const webhook = { url: config.SPECFORGE_WEBHOOK_URL, publicUrl: publicUrl(config), secrets };
  const activities = createActivities({
    generator: generatorFor(config, secrets),
    store,
    tickets,
    webhook,
    decisionKey,
  });
  return redactActivityErrors(activities, secrets);
}

export function generatorFor(config: Config, secrets: readonly string[] = configuredSecrets(config)): Generator {
  if (!config.OPENAI_API_KEY) return createOfflineGenerator();
  return createOpenAIGenerator({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    model: config.SPECFORGE_MODEL,
    timeoutMs: config.SPECFORGE_LLM_TIMEOUT_MS,
    responseFormat: config.SPECFORGE_RESPONSE_FORMAT,
    tokens: {
      answerTokens: config.SPECFORGE_ANSWER_TOKENS,
      maxTokens: config.SPECFORGE_MAX_TOKENS,
      contextTokens: config.SPECFORGE_CONTEXT_TOKENS,
    },
    secrets,
  });
}
