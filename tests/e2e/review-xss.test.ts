import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import { phaseOf, startFakeOpenAI, validAnswer, type ChatRequest } from '../fakes/fake-openai';
import type { ApiServer } from '../helpers/api-server';
import {
  CHROMIUM_PRESENT,
  expectNoTrouble,
  NO_CHROMIUM_REASON,
  openReviewSession,
  type ReviewSession,
} from '../helpers/review-browser';
import { waitForGate } from '../helpers/spec-helpers';
import type { TestStack } from '../helpers/test-stack';

/** Markup, script, `javascript:` links and a Mermaid label breaking out of its quotes, in the request itself. */
const FEATURE =
  'Magic links <img src=x onerror=alert("feature-img")> <script>alert("feature-script")</script> [x](javascript:alert("feature-link")) "><script>alert("feature-label")</script>';
const DESCRIPTION = [
  '<iframe src="javascript:alert(\'description-frame\')"></iframe>',
  '[click me](javascript:alert("description-link")) and <a href=" JaVaScRiPt:alert(1)">spaced</a>',
  '<svg><script>alert("description-svg")</script></svg> <div style="position:fixed;inset:0" onclick="alert(1)">cover</div>',
].join('\n\n');
const HOSTILE_COMMENT =
  '<img src=x onerror=alert("comment")> please </textarea><script>alert("comment-script")</script>';

/** Hostile strings the "model" writes into text fields of each phase's otherwise valid answer. */
function hostileAnswer(body: ChatRequest): string {
  const content = JSON.parse(validAnswer(body)) as Record<string, any>;
  switch (phaseOf(body)) {
    case 'requirements':
      content.summary += ' <script>alert("model-summary")</script>';
      content.functional[0].text =
        'Users sign in <img src=x onerror=alert("model-fr")> [docs](javascript:alert("model-link")) <a href="JaVaScRiPt:alert(1)">x</a>';
      content.nonFunctional[0].text += ' <iframe srcdoc="<script>alert(1)</script>"></iframe>';
      content.questions[0].question = 'Who may use it? "><svg onload=alert("model-question")>';
      content.questions[0].suggestedDefault = '"><img src=x onerror=alert("model-default")>';
      break;
    case 'architecture':
      content.components[0].name = 'Web "><script>alert("mermaid-label")</script>';
      content.components[1].technology = '<img src=x onerror=alert("model-tech")>';
      content.overview +=
        ' <style>body { display: none }</style> <form action="javascript:alert(1)"><button>go</button></form>';
      content.edges[0].description = '"]-->x["<img src=x onerror=alert(1)>';
      break;
    case 'api':
      content.resources[0].description = '<script>alert("model-api")</script>';
      content.resources[0].operations[0].summary = 'List <img src=x onerror=alert("model-operation")>';
      break;
  }
  return JSON.stringify(content);
}

if (!CHROMIUM_PRESENT) console.warn(NO_CHROMIUM_REASON);

describe.skipIf(!CHROMIUM_PRESENT)('hostile feature text and model output on the review page', () => {
  let session: ReviewSession;
  let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
  let stack: TestStack;
  let api: ApiServer;
  let page: Page;
  let runId: string;

  beforeAll(async () => {
    fake = await startFakeOpenAI((body) => ({ kind: 'content', text: hostileAnswer(body) }));
    session = await openReviewSession({
      generator: createOpenAIGenerator({
        apiKey: 'test-key',
        baseURL: fake.baseURL,
        model: 'gpt-test',
        timeoutMs: 10_000,
      }),
    });
    ({ stack, api, page } = session);
    const created = await api.call('POST', '/v1/specs', { feature: FEATURE, description: DESCRIPTION, gates: 'each' });
    expect(created.status).toBe(201);
    runId = created.json.id;
    await waitForGate(stack.client, runId, 'requirements');
  });

  // No dialog, and no CSP violation either: the payloads are removed or escaped before CSP would have to stop them.
  afterEach(() => expectNoTrouble(session.trouble));

  afterAll(async () => {
    if (runId)
      await stack.client.workflow
        .getHandle(runId)
        .cancel()
        .catch(() => undefined);
    await session?.close();
    await fake?.close();
  });

  it('keeps the feature inert in the list of runs, shown as text', async () => {
    await page.goto(`${api.base}/`);
    await expectInert(page);
    expect(await page.locator(`tr[data-run-id="${runId}"] a`).innerText()).toBe(FEATURE);
  });

  it('keeps the requirements gate inert: feature, description, model text, questions and their defaults', async () => {
    await page.goto(`${api.base}/specs/${runId}`);
    await expectInert(page);
    expect(await page.locator('h1').innerText()).toBe(FEATURE);
    expect(await page.inputValue('#answer-Q-1')).toBe('"><img src=x onerror=alert("model-default")>');
    expect(await page.locator('section.rendered').innerText()).toContain('Users sign in');
  });

  it('keeps a hostile comment inert in the decision log and in the diff of the regenerated phase', async () => {
    await page.fill('#reviewer-name', 'mallory <script>alert("name")</script>');
    await page.fill('#decision-comment', HOSTILE_COMMENT);
    await page.click('#item-comment-list summary');
    await page.locator('textarea[data-item-id]').first().fill(HOSTILE_COMMENT);
    await page.click('#decision-form button[data-action="request_changes"]');
    await page.locator('article.phase[data-phase="requirements"][data-revision="2"]').waitFor({ timeout: 30_000 });
    await expectInert(page);
    expect(await page.locator('.decision-log').innerText()).toContain('mallory <script>alert("name")</script>');
    expect(await page.locator('.decision-log blockquote').first().innerText()).toBe(HOSTILE_COMMENT);
    expect(await page.locator('section.diff .line.add').count()).toBeGreaterThan(0);
  });

  it('keeps the architecture inert, with the diagram drawn from a hostile label', async () => {
    await decide('requirements', 'approve');
    await waitForGate(stack.client, runId, 'architecture');
    await page.goto(`${api.base}/specs/${runId}`);
    await page.locator('body[data-diagrams="drawn"]').waitFor();
    await expectInert(page);
    expect(await page.locator('figure.diagram svg').count()).toBeGreaterThan(0);
    expect(await page.locator('figure.diagram svg').first().textContent()).toContain(
      'Web "><script>alert("mermaid-label")</script>',
    );
    expect(await page.locator('#edit-content').inputValue()).toContain('<img src=x onerror=alert(\\"model-tech\\")>');
  });

  it('keeps the API operations table inert', async () => {
    for (const phase of ['architecture', 'database'] as const) {
      await decide(phase, 'approve');
      await waitForGate(stack.client, runId, phase === 'architecture' ? 'database' : 'api');
    }
    await page.goto(`${api.base}/specs/${runId}`);
    await page.locator('body[data-diagrams="drawn"]').waitFor();
    await expectInert(page);
    expect(await page.locator('.operations-table').innerText()).toContain(
      'List <img src=x onerror=alert("model-operation")>',
    );
  });

  it('keeps the draft technical spec inert when read as a page', async () => {
    await page.click('a[data-read^="technical_spec_"]');
    await page.locator('body[data-diagrams="drawn"]').waitFor();
    await expectInert(page);
    expect(await page.locator('.file-name .badge.draft').count()).toBe(1);
    // The spec is Markdown, so the feature's markup is read as Markdown there: sanitised, not shown as typed.
    expect(await page.locator('section.rendered h1').innerText()).toMatch(/^Technical specification: Magic links/);
  });

  /** Decides through the API, with the page away first so its own live reload cannot race the next goto. */
  async function decide(phase: string, action: string) {
    await page.goto('about:blank');
    const response = await api.call('POST', `/v1/specs/${runId}/decisions`, { phase, action, by: 'tester' });
    expect(response.status).toBe(200);
  }
});

/** Nothing a payload could have made live: script elements, handlers, javascript: links, frames, forms, images. */
async function expectInert(page: Page): Promise<void> {
  const findings = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      foreignScripts: [...document.scripts]
        .map((script) => script.getAttribute('src') ?? `inline: ${script.textContent?.slice(0, 60)}`)
        .filter((source) => !source.startsWith('/assets/')),
      javascriptLinks: document.querySelectorAll('a[href^="javascript:" i]').length,
      scriptUrls: all
        .flatMap((element) =>
          ['href', 'src', 'action', 'formaction', 'xlink:href'].map((name) => element.getAttribute(name) ?? ''),
        )
        .filter((value) => /^\s*(javascript|data|vbscript):/i.test(value)),
      handlers: all.flatMap((element) =>
        [...element.attributes]
          .filter((attribute) => /^on/i.test(attribute.name))
          .map((attribute) => `${element.tagName}[${attribute.name}]`),
      ),
      // Mermaid's own SVG carries a <style>; anything else of these came from a payload.
      embedded: [...document.querySelectorAll('main iframe, main object, main embed, main img, main style, main form')]
        .filter(
          (element) =>
            !element.closest('figure.diagram') && !['decision-form', 'reopen-form', 'amend-form'].includes(element.id),
        )
        .map((element) => element.outerHTML.slice(0, 80)),
    };
  });
  expect(findings).toEqual({ foreignScripts: [], javascriptLinks: 0, scriptUrls: [], handlers: [], embedded: [] });
}
