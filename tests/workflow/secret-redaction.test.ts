import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from 'node:util';
import { DefaultLogger } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { configuredSecrets } from '../../src/config/configured-secrets';
import { loadConfig } from '../../src/config/load-config';
import { workerLogger } from '../../src/logging/worker-logger';
import { REDACTED } from '../../src/shared/redact-secrets';
import { generatorFor } from '../../src/workers/wire-activities';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeOpenAI } from '../fakes/fake-openai';
import { startApiServer, type ApiServer } from '../helpers/api-server';
import { quietRuntime } from '../helpers/quiet-runtime';
import { createTestStack, type TestStack } from '../helpers/test-stack';

// Not shaped like any known token: only the configured list can find them.
const openAIKey = `plainsecret${randomBytes(12).toString('hex')}`;
const gitHubToken = `ghp_${randomBytes(18).toString('hex')}`;
const secrets = configuredSecrets({ OPENAI_API_KEY: openAIKey, GITHUB_TOKEN: gitHubToken });

/** Every line the worker logged, with its metadata (the failed activity's error, stack and causes). */
const logged: string[] = [];

let stack: TestStack;
let api: ApiServer;
beforeAll(async () => {
  // Installed as the worker entry points install it: the production logger chain, writing here.
  quietRuntime(workerLogger(new DefaultLogger('WARN', (entry) => logged.push(inspect(entry, { depth: 10 }))), secrets));
  stack = await createTestStack();
  api = await startApiServer(stack);
});
afterAll(async () => {
  await api.close();
  await stack.close();
});

/** Byte payloads (the memo, results) decoded as the UTF-8 JSON they hold, so a secret inside them is found. */
function readable(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, replaced) {
    const raw = this[key];
    return raw instanceof Uint8Array ? Buffer.from(raw).toString('utf8') : replaced;
  });
}

/** Everything a secret could leak into once the run has failed. */
async function everywhere(id: string) {
  const handle = stack.client.workflow.getHandle(id);
  const failure = await handle.result().then(
    () => undefined,
    (error: unknown) => error,
  );
  const history = readable(await handle.fetchHistory());
  const memo = readable((await handle.describe()).memo);
  const status = await api.call('GET', `/v1/specs/${id}`);
  const files = await packFiles();
  return { failure: inspect(failure, { depth: 10 }), history, memo, api: status.text, files, logs: logged.join('\n') };
}

async function packFiles(): Promise<string> {
  const names = await readdir(stack.outDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const texts = await Promise.all(
    names.filter((entry) => entry.isFile()).map((entry) => readFile(path.join(entry.parentPath, entry.name), 'utf8')),
  );
  return texts.join('\n');
}

/** The places whose text holds the secret. */
function leaks(seen: Record<string, string>, secret: string): string[] {
  return Object.entries(seen).flatMap(([place, text]) => (text.includes(secret) ? [place] : []));
}

describe('secrets an upstream server echoes back', () => {
  it('keeps the OpenAI key echoed in a 401 body out of the history, the memo, the API, the pack and the logs', async () => {
    const fake = await startFakeOpenAI(() => ({ kind: 'echoAuthorization', status: 401 }));
    try {
      const config = loadConfig({ OPENAI_API_KEY: openAIKey, OPENAI_BASE_URL: fake.baseURL, SPECFORGE_MODEL: 'fake' });
      const id = await stack.start({ feature: 'Export invoices as CSV', gates: 'none' });
      const seen = await stack.withWorker(() => everywhere(id), generatorFor(config, configuredSecrets(config)));
      // The fake did echo the key: the test would see it had it not been removed.
      expect(fake.requests[0]!.authorization).toBe(`Bearer ${openAIKey}`);
      expect(leaks(seen, openAIKey)).toEqual([]);
      expect(seen.history).toContain('check OPENAI_API_KEY');
      expect(seen.history).toContain(REDACTED);
      expect(JSON.parse(seen.api).error).toMatch(/OPENAI_API_KEY/);
      expect(seen.logs).toContain('Activity failed');
    } finally {
      await fake.close();
    }
  });

  it('keeps the GitHub token echoed in a 401 body out of the history, the memo, the API, the pack and the logs', async () => {
    const github = await startFakeGitHub({ token: gitHubToken, repos: ['acme/shop'], echoAuthorization: true });
    try {
      const id = await stack.start({
        feature: 'Add an audit log',
        gates: 'none',
        tickets: { target: 'github', repo: 'acme/shop' },
      });
      const target = createGitHubTarget({ token: gitHubToken, baseUrl: github.url, pacing: 'off', secrets });
      const seen = await stack.withWorker(() => everywhere(id), undefined, { github: target });
      expect(github.requests.some((request) => request.status === 401)).toBe(true);
      expect(leaks(seen, gitHubToken)).toEqual([]);
      expect(seen.history).toContain('check GITHUB_TOKEN');
      expect(seen.history).toContain(REDACTED);
      expect(JSON.parse(seen.api).status).toBe('failed');
    } finally {
      await github.close();
    }
  });
});
