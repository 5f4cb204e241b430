import { createHash } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReviewerDirectory } from '../../src/api/auth/reviewer-directory';
import { PHASES } from '../../src/shared/phases';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import type { ApiServer } from '../helpers/api-server';
import {
  CHROMIUM_PRESENT,
  expectNoTrouble,
  NO_CHROMIUM_REASON,
  openReviewSession,
  type ReviewSession,
} from '../helpers/review-browser';
import { queryStatus, waitForGate } from '../helpers/spec-helpers';
import type { TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';

const FEATURE = 'Add passwordless login with magic links';
const OTHER_FEATURE = 'Export invoices to CSV';
const SCREENSHOTS = process.env.SPECFORGE_SCREENSHOTS === '1';
const PAGE_UPDATE_MS = 30_000;

if (!CHROMIUM_PRESENT) console.warn(NO_CHROMIUM_REASON);

describe.skipIf(!CHROMIUM_PRESENT)(
  'the review page, in Chromium, against a real run with the offline generator',
  () => {
    let session: ReviewSession;
    let stack: TestStack;
    let api: ApiServer;
    let page: Page;
    let runId: string;
    let otherId: string;

    beforeAll(async () => {
      session = await openReviewSession();
      ({ stack, api, page } = session);
      runId = await stack.start({ feature: FEATURE, gates: 'each' });
      await waitForGate(stack.client, runId, 'requirements');
      otherId = await stack.start({ feature: OTHER_FEATURE, gates: 'none' });
    });

    afterEach(() => expectNoTrouble(session.trouble));

    afterAll(() => session?.close());

    it('lists runs, the one awaiting a decision first, with its phase and how long it has waited', async () => {
      // The list reads Temporal's visibility store, which sees a new run a moment after it starts.
      await waitFor(async () => {
        await page.goto(`${api.base}/`);
        return (await page.locator(`tr[data-run-id="${otherId}"]`).count()) > 0 || undefined;
      }, 'both runs in the list');
      const rows = await page
        .locator('tr[data-run-id]')
        .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-run-id')));
      expect(rows.indexOf(runId)).toBeGreaterThanOrEqual(0);
      expect(rows.indexOf(runId)).toBeLessThan(rows.indexOf(otherId));
      const row = page.locator(`tr[data-run-id="${runId}"]`);
      await expect.poll(() => row.innerText()).toContain(FEATURE);
      expect(await row.innerText()).toMatch(/awaiting approval[\s\S]*requirements[\s\S]*\d+ (s|min)/);
      // Other runs on the shared dev server may wait too.
      expect(await page.locator('.lede').innerText()).toMatch(/^\d+ runs? awaits? a decision\.$/);
    });

    it('opens the run and shows the requirements rendered from Markdown, ready to decide', async () => {
      const [navigation] = await Promise.all([
        page.waitForResponse(`**/specs/${runId}`),
        page.click(`tr[data-run-id="${runId}"] a`),
      ]);
      const policy = navigation.headers()['content-security-policy'] ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("object-src 'none'");
      expect(policy).toContain("frame-ancestors 'none'");
      expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
      expect(await page.locator('h1').innerText()).toBe(FEATURE);
      const rendered = page.locator('section.rendered');
      expect(await rendered.locator('h3', { hasText: /^Functional requirements$/ }).count()).toBe(1);
      expect(await rendered.locator('table td', { hasText: /^FR-1$/ }).count()).toBe(1);
      expect(await rendered.locator('h4', { hasText: 'US-1' }).count()).toBe(1);
      expect(await page.locator('#decision-form').getAttribute('data-phase')).toBe('requirements');
      expect(await page.locator('[data-phase-state="requirements"]').innerText()).toBe('awaiting approval');
      expect(await page.locator('.checks').innerText()).toMatch(/Checks/);
      if (SCREENSHOTS) await screenshotWithDiagrams(page, '/tmp/review-gate.png');
    });

    it('answers an open question with the approval, and remembers the reviewer for the next gate', async () => {
      expect(await page.inputValue('#answer-Q-2')).toBe('200 requests per second at peak, 50 on average');
      await page.fill('#answer-Q-2', '50 requests per second at peak');
      await page.fill('#reviewer-name', 'ana');
      await page.click('#decision-form button[data-action="approve"]');
      await page.locator('#decision-form[data-phase="architecture"]').waitFor({ timeout: PAGE_UPDATE_MS });
      const status = await queryStatus(stack.client, runId);
      expect(status.decisions.map(({ phase, action, by, outcome }) => ({ phase, action, by, outcome }))).toEqual([
        { phase: 'requirements', action: 'approve', by: 'ana', outcome: 'applied' },
      ]);
      // The name is asked once: the next gate has it already.
      // The page's script fills it in from this browser's storage once it has run.
      await expect.poll(() => page.inputValue('#reviewer-name')).toBe('ana');
      await page.click('nav.phase-tabs a[href="?phase=requirements"]');
      expect(await page.locator('article.phase[data-phase="requirements"]').count()).toBe(1);
      expect(await page.locator('#decision-form').count()).toBe(0);
      expect(await page.locator('section.questions').innerText()).toContain('Answer: 50 requests per second at peak');
    });

    it('requests changes with a required comment and an item comment, then shows the diff of revision 2', async () => {
      await page.goto(`${api.base}/specs/${runId}`);
      await page.click('#decision-form button[data-action="request_changes"]');
      expect(await page.locator('#decision-error').innerText()).toMatch(/comment/i);
      await page.fill('#decision-comment', 'Put a cache in front of the session store');
      await page.click('#item-comment-list summary');
      const firstItem = page.locator('textarea[data-item-id]').first();
      const itemId = await firstItem.getAttribute('data-item-id');
      await firstItem.fill('Name this component for what it does');
      await page.click('#decision-form button[data-action="request_changes"]');
      await page
        .locator('article.phase[data-phase="architecture"][data-revision="2"]')
        .waitFor({ timeout: PAGE_UPDATE_MS });
      await page.locator('#decision-form[data-revision="2"]').waitFor();
      const diff = page.locator('section.diff');
      expect(await diff.locator('h3').innerText()).toBe('Changes since revision 1');
      expect(await diff.locator('.line.add').count()).toBeGreaterThan(0);
      expect(await diff.innerText()).toContain('Put a cache in front of the session store');
      const status = await queryStatus(stack.client, runId);
      expect(status.decisions.at(-1)).toMatchObject({
        phase: 'architecture',
        action: 'request_changes',
        by: 'ana',
        items: [{ id: itemId, comment: 'Name this component for what it does' }],
      });
      expect(await page.locator('.decision-log').innerText()).toContain('Name this component for what it does');
      await page.locator('body[data-diagrams="drawn"]').waitFor();
      expect(await page.locator('figure.diagram svg').count()).toBeGreaterThan(0);
      if (SCREENSHOTS) await screenshotWithDiagrams(page, '/tmp/review-diff.png');
    });

    it('checks an edit on the server and shows its field errors beside the editor, sending nothing', async () => {
      const before = (await queryStatus(stack.client, runId)).decisions.length;
      await page.click('#decision-form button[data-action="edit"]');
      expect(await page.locator('#edit-panel').isVisible()).toBe(true);
      const content = JSON.parse(await page.inputValue('#edit-content')) as { components: { kind: string }[] };
      content.components[0]!.kind = 'spaceship';
      await page.fill('#edit-content', JSON.stringify(content, null, 2));
      await page.click('#edit-panel button[data-edit="send"]');
      const error = page.locator('#edit-errors .field-error').first();
      await error.waitFor();
      expect(await error.innerText()).toMatch(/components\.0\.kind/);
      expect(await page.getAttribute('#edit-content', 'aria-invalid')).toBe('true');
      await page.fill('#edit-content', '{ "components": [');
      await page.click('#edit-panel button[data-edit="check"]');
      await expect.poll(() => page.locator('#edit-errors').innerText()).toMatch(/JSON/);
      const status = await queryStatus(stack.client, runId);
      expect(status.decisions.length).toBe(before);
      expect(status.pendingApproval).toMatchObject({ phase: 'architecture', revision: 2 });
    });

    it('answers an unknown run, phase or revision with a 4xx page naming the field', async () => {
      const missing = await page.goto(`${api.base}/specs/spec-no-such-run-00000000`);
      expect(missing!.status()).toBe(404);
      expect(await page.locator('.problem').innerText()).toMatch(/Not found[\s\S]*id/);
      const badPhase = await page.goto(`${api.base}/specs/${runId}?phase=pricing`);
      expect(badPhase!.status()).toBe(400);
      expect(await page.locator('.problem code').innerText()).toBe('phase');
      const badRevision = await page.goto(`${api.base}/specs/${runId}?phase=architecture&revision=9`);
      expect(badRevision!.status()).toBe(404);
      expect(await page.locator('.problem code').innerText()).toBe('revision');
    });

    it('serves its own scripts and the mapped vendor files, and nothing else of node_modules', async () => {
      const asset = async (path: string) => (await fetch(`${api.base}${path}`)).status;
      expect(await asset('/assets/review.js')).toBe(200);
      expect(await asset('/assets/review.css')).toBe(200);
      expect(await asset('/assets/vendor/mermaid.min.js')).toBe(200);
      expect(await asset('/assets/vendor/purify.min.js')).toBe(404);
      expect(await asset('/assets/vendor/..%2F..%2Fpackage.json')).toBe(404);
      expect(await asset('/assets/../package.json')).toBe(404);
      expect(await asset('/assets/')).toBe(404);
    });

    it('approves every remaining gate from the page until the run completes', async () => {
      await page.goto(`${api.base}/specs/${runId}`);
      for (const phase of PHASES.slice(1)) {
        const form = page.locator(`#decision-form[data-phase="${phase}"]`);
        await form.waitFor({ timeout: PAGE_UPDATE_MS });
        if (SCREENSHOTS && phase === 'api') await screenshotWithDiagrams(page, '/tmp/review-api.png');
        await form.locator('button[data-action="approve"]').click();
        await page
          .locator(`[data-phase-state="${phase}"]`, { hasText: 'approved' })
          .waitFor({ timeout: PAGE_UPDATE_MS });
      }
      await page.locator('[data-run-status]', { hasText: 'completed' }).waitFor({ timeout: PAGE_UPDATE_MS });
      if (SCREENSHOTS) await screenshotWithDiagrams(page, '/tmp/review-done.png');
      const status = (await stack.client.workflow.getHandle(runId).result()) as SpecRunStatus;
      expect(status.status).toBe('completed');
      const applied = status.decisions.filter((decision) => decision.outcome === 'applied');
      expect(applied.filter((decision) => decision.action === 'approve').map((decision) => decision.phase)).toEqual([
        ...PHASES,
      ]);
      expect(await page.locator('[data-phase-state]').allInnerTexts()).toEqual(PHASES.map(() => 'approved'));
    }, 240_000);

    it('links the finished pack: its files answer 200, carry the answer given at the gate, and read as pages', async () => {
      // The page refreshes its sections one request at a time: the run's status can show before its pack does.
      await page.locator('.artifacts h3', { hasText: 'The pack' }).waitFor({ timeout: PAGE_UPDATE_MS });
      expect(await page.locator('.artifacts .badge.draft').count()).toBe(0);
      const href = await page.locator('a[data-artifact^="technical_spec_"]').getAttribute('href');
      const response = await page.request.get(new URL(href!, api.base).toString());
      expect(response.status()).toBe(200);
      const spec = await response.text();
      expect(spec).toContain(`# Technical specification: ${FEATURE}`);
      expect(spec).toContain('**Answer:** 50 requests per second at peak');
      await page.click('a[data-read^="technical_spec_"]');
      await page.locator('body[data-diagrams="drawn"]').waitFor();
      expect(await page.locator('section.rendered h1').innerText()).toBe(`Technical specification: ${FEATURE}`);
      expect(await page.locator('section.rendered h2').allInnerTexts()).toContain('Traceability matrix');
      expect(await page.locator('figure.diagram svg').count()).toBeGreaterThanOrEqual(2);
      await page.click('section.rendered a[href*="api_spec_"]');
      expect(await page.locator('pre.file-text').innerText()).toMatch(/^openapi: 3\.1\.0/);
    });
  },
);

async function screenshotWithDiagrams(page: Page, path: string) {
  await page.locator('body[data-diagrams]').waitFor({ state: 'attached' });
  await page.screenshot({ path, fullPage: true });
}

describe.skipIf(!CHROMIUM_PRESENT)('the review page with reviewers configured', () => {
  const TOKEN = 'ana-review-token-0123456789';
  let session: ReviewSession;
  let stack: TestStack;
  let api: ApiServer;
  let page: Page;
  let runId: string;

  beforeAll(async () => {
    const reviewers = new ReviewerDirectory([
      { name: 'ana', role: 'reviewer', tokenSha256: createHash('sha256').update(TOKEN).digest('hex') },
    ]);
    session = await openReviewSession({ reviewers });
    ({ stack, api, page } = session);
    runId = await stack.start({ feature: FEATURE, gates: 'each' });
    await waitForGate(stack.client, runId, 'requirements');
  });

  afterEach(() => expectNoTrouble(session.trouble));

  afterAll(async () => {
    if (runId)
      await stack.client.workflow
        .getHandle(runId)
        .cancel()
        .catch(() => undefined);
    await session?.close();
  });

  it('sends a reviewer who is not signed in to the sign-in form, and back to the run after signing in', async () => {
    await page.goto(`${api.base}/specs/${runId}`);
    expect(new URL(page.url()).pathname).toBe('/signin');
    expect(new URL(page.url()).searchParams.get('next')).toBe(`/specs/${runId}`);
    await page.fill('#token', 'not-a-token-of-anyone');
    await page.click('.signin button[type="submit"]');
    expect(await page.locator('.signin .form-error').innerText()).toMatch(/not valid/);
    await page.fill('#token', TOKEN);
    await page.click('.signin button[type="submit"]');
    await page.waitForURL(`**/specs/${runId}`);
    expect(await page.locator('.site-header .who').innerText()).toBe('Signed in as ana (reviewer)');
  });

  it('decides as the signed-in reviewer: no name asked, the CSRF token sent, recorded as via the page', async () => {
    expect(await page.locator('#reviewer-name').count()).toBe(0);
    expect(await page.locator('meta[name="csrf-token"]').getAttribute('content')).toMatch(/.{16,}/);
    await page.click('#decision-form button[data-action="approve"]');
    await page.locator('#decision-form[data-phase="architecture"]').waitFor({ timeout: PAGE_UPDATE_MS });
    const decision = (await queryStatus(stack.client, runId)).decisions.at(-1);
    expect(decision).toMatchObject({
      phase: 'requirements',
      action: 'approve',
      by: 'ana',
      via: 'page',
      outcome: 'applied',
    });
    expect(await page.locator('.decision-log').innerText()).toMatch(/ana\s+approve requirements r1[\s\S]*via page/);
  });

  it('signs out, after which the run page asks to sign in again', async () => {
    await page.click('.sign-out button');
    await page.waitForURL('**/signin');
    await page.goto(`${api.base}/specs/${runId}`);
    expect(new URL(page.url()).pathname).toBe('/signin');
  });
});
