import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { configuredSecrets } from '../../src/config/configured-secrets';
import { loadConfig } from '../../src/config/load-config';

describe('the secrets a configuration holds', () => {
  it('are every credential setting, the Jira Basic credential and the secrets found elsewhere', () => {
    const config = loadConfig({
      OPENAI_API_KEY: 'openai-key-value',
      GITHUB_TOKEN: 'github-token-value',
      JIRA_HOST: 'https://jira.example',
      JIRA_EMAIL: 'bot@example.test',
      JIRA_API_TOKEN: 'jira-token-value',
      SPECFORGE_API_TOKEN: 'service-token-of-16+',
      SPECFORGE_TOKEN: 'cli-token-value',
      SPECFORGE_DECISION_KEY: 'a-decision-key-of-at-least-32-characters',
      SPECFORGE_WEBHOOK_URL: 'https://hooks.example/services/T1/B2/xyz',
      OPENAI_BASE_URL: 'http://127.0.0.1:8080/v1',
    });
    expect(new Set(configuredSecrets(config, ['key-from-the-home-folder']))).toEqual(
      new Set([
        'openai-key-value',
        'github-token-value',
        'jira-token-value',
        Buffer.from('bot@example.test:jira-token-value').toString('base64'),
        'service-token-of-16+',
        'cli-token-value',
        'a-decision-key-of-at-least-32-characters',
        'https://hooks.example/services/T1/B2/xyz',
        'key-from-the-home-folder',
      ]),
    );
  });

  it('hold each encryption key on its own as well as the whole list', () => {
    const [first, second] = [randomBytes(32).toString('base64'), randomBytes(32).toString('base64')];
    const keys = `new:${first},old:${second}`;
    expect(new Set(configuredSecrets(loadConfig({ SPECFORGE_ENCRYPTION_KEYS: keys })))).toEqual(
      new Set([keys, first, second]),
    );
  });

  it('are none when nothing secret is set', () => {
    expect(configuredSecrets(loadConfig({}))).toEqual([]);
  });
});
