import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash, randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewerDirectory } from '../../src/api/auth/reviewer-directory';
import { EncryptionCodec } from '../../src/codec/encryption-codec';
import { parseEncryptionKeys } from '../../src/codec/encryption-keys';
import { isListening, startDevServer, type DevServer } from '../../src/temporal/dev-server';
import { findTemporalCli } from '../../src/temporal/find-temporal-cli';
import { startCodecApiServer, type CodecApiServer } from '../helpers/codec-api-server';
import { freePort } from '../helpers/free-port';
import { CHROMIUM_PRESENT, launchBrowser, NO_CHROMIUM_REASON } from '../helpers/review-browser';
import { waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';

if (!CHROMIUM_PRESENT) console.warn(NO_CHROMIUM_REASON);

const run = promisify(execFile);

const keys = parseEncryptionKeys(`ui-test:${randomBytes(32).toString('base64')}`);
const reviewerToken = ['ana', 'fake', randomBytes(12).toString('hex')].join('-');
const reviewers = new ReviewerDirectory([
  { name: 'ana', role: 'reviewer', tokenSha256: createHash('sha256').update(reviewerToken).digest('hex') },
]);
/** Unique to this run, so finding it on the page can only mean the codec decoded it. */
const feature = `Export invoices as CSV, marker ${randomBytes(6).toString('hex')}`;

let cli: string;
let server: DevServer;
let apiPort: number;
let stack: TestStack;
let browser: Browser;
let runId: string;

beforeAll(async () => {
  if (!CHROMIUM_PRESENT) return;
  cli = await findTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH });
  const [port, uiPort] = [await freePort(), await freePort()];
  apiPort = await freePort();
  // As `npm start` does: the dev server's UI decodes through the API's /codec.
  server = await startDevServer({ cli, port, uiPort, codecEndpoint: `http://localhost:${apiPort}/codec` });
  await waitFor(async () => ((await isListening(uiPort)) ? true : undefined), 'the Temporal UI to listen');
  stack = await createTestStack({ encryptionKeys: keys, address: server.address });
  runId = await stack.start({ feature, gates: 'each' });
  await stack.withWorker(() => waitForGate(stack.client, runId, 'requirements'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await server?.stop();
});

/** An API on the port the UI was given, serving the codec with the workers' keys. */
async function withCodecApi<T>(
  options: { reviewers?: ReviewerDirectory },
  work: (api: CodecApiServer) => Promise<T>,
): Promise<T> {
  const api = await startCodecApiServer(stack, {
    payloadCodec: new EncryptionCodec(keys),
    uiUrl: server.uiUrl,
    reviewers: options.reviewers,
    port: apiPort,
  });
  try {
    return await work(api);
  } finally {
    await api.close();
  }
}

/** The run's page in the Temporal UI, and the codec answers it got. */
async function openRunPage(page: Page): Promise<number[]> {
  const answers: number[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/codec/decode')) answers.push(response.status());
  });
  await page.goto(`${server.uiUrl}/namespaces/default/workflows/${encodeURIComponent(runId)}`);
  return answers;
}

/** The run's history as `temporal workflow show` prints it (not spawnSync: the codec API runs in this process). */
async function showHistory(...flags: string[]): Promise<string> {
  const { stdout } = await run(
    cli,
    ['workflow', 'show', '-w', runId, '--address', server.address, '--output', 'json', ...flags],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return stdout;
}

const pageShows = (page: Page, text: string) =>
  page.waitForFunction((wanted) => document.body.innerText.includes(wanted), text, { timeout: 30_000 });

describe.skipIf(!CHROMIUM_PRESENT)('the Temporal UI with the codec endpoint', () => {
  it('shows the feature text decoded on the run page, while the raw history holds none of it', async () => {
    await withCodecApi({}, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const answers = await openRunPage(page);
      await pageShows(page, feature);
      expect(answers).toContain(200);
      await context.close();
      // The Temporal CLI speaks the same protocol.
      const decoded = await showHistory('--codec-endpoint', `http://localhost:${apiPort}/codec`);
      const input = JSON.parse(decoded).events[0].workflowExecutionStartedEventAttributes.input.payloads[0];
      expect(Buffer.from(input.data, 'base64').toString()).toContain(feature);
    });

    const raw = await showHistory();
    expect(raw).toContain('EVENT_TYPE_WORKFLOW_EXECUTION_STARTED');
    expect(raw).not.toContain(feature);
    expect(raw).not.toContain('invoices');
    // The input is there, encrypted: its encoding reads binary/encrypted.
    expect(raw).toContain(Buffer.from('binary/encrypted').toString('base64'));
  });

  it('decodes for a reviewer signed in to specforge, whose SameSite=Strict cookie the UI on another port sends', async () => {
    await withCodecApi({ reviewers }, async (api) => {
      const context = await browser.newContext();
      // What the UI's Codec Server settings keep in its local storage when a user picks "use my browser
      // setting", enters the endpoint and ticks "include cross-origin credentials": the dev server has no
      // flag for credentials, a deployed UI server has TEMPORAL_CODEC_INCLUDE_CREDENTIALS.
      await context.addInitScript(
        ({ uiOrigin, endpoint }) => {
          if (location.origin !== uiOrigin) return;
          localStorage.setItem('overrideRemoteCodecConfiguration', 'true');
          localStorage.setItem('endpoint', JSON.stringify(endpoint));
          localStorage.setItem('includeCredentials', 'true');
        },
        { uiOrigin: new URL(server.uiUrl!).origin, endpoint: `http://localhost:${api.port}/codec` },
      );
      const page = await context.newPage();
      await page.goto(`http://localhost:${api.port}/signin`);
      await page.fill('#token', reviewerToken);
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/signin')), page.press('#token', 'Enter')]);
      const answers = await openRunPage(page);
      await pageShows(page, feature);
      expect(answers).toContain(200);
      expect(answers).not.toContain(401);
      await context.close();
    });
  });

  it('shows nothing decoded to a browser with no session when reviewers are configured', async () => {
    await withCodecApi({ reviewers }, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const answers = await openRunPage(page);
      await waitFor(async () => (answers.length > 0 ? true : undefined), "the UI's codec request");
      expect(answers.every((status) => status === 401)).toBe(true);
      expect(await page.evaluate(() => document.body.innerText)).not.toContain(feature);
      await context.close();
    });
  });
});
