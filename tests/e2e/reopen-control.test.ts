import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

const FEATURE = 'Add passwordless login with magic links';
const PAGE_UPDATE_MS = 30_000;
const SCREENSHOTS = process.env.SPECFORGE_SCREENSHOTS === '1';

if (!CHROMIUM_PRESENT) console.warn(NO_CHROMIUM_REASON);

describe.skipIf(!CHROMIUM_PRESENT)('reopening an approved phase from the review page, in Chromium', () => {
  let session: ReviewSession;
  let stack: TestStack;
  let api: ApiServer;
  let page: Page;
  let runId: string;

  beforeAll(async () => {
    session = await openReviewSession();
    ({ stack, api, page } = session);
    runId = await stack.start({ feature: FEATURE, gates: 'each' });
    for (const phase of ['requirements', 'architecture'] as const) {
      await waitForGate(stack.client, runId, phase);
      const sent = await api.call('POST', `/v1/specs/${runId}/decisions`, { phase, action: 'approve', by: 'ana' });
      expect(sent.status, JSON.stringify(sent.json)).toBeLessThan(300);
    }
    await waitForGate(stack.client, runId, 'database');
  }, 120_000);

  afterEach(() => expectNoTrouble(session.trouble));

  afterAll(() => session?.close());

  it('offers only the approved phases, asks for a comment, and sends the reopen decision', async () => {
    await page.goto(`${api.base}/specs/${runId}`);
    const form = page.locator('#reopen-form');
    expect(
      await form
        .locator('#reopen-phase option')
        .evaluateAll((options) => options.map((option) => option.getAttribute('value'))),
    ).toEqual(['requirements', 'architecture']);

    await page.fill('#reopen-name', 'ana');
    await form.locator('button[type="submit"]').click();
    expect(await page.locator('#reopen-error').innerText()).toMatch(/comment/i);

    await page.selectOption('#reopen-phase', 'requirements');
    await page.fill('#reopen-comment', 'add SSO');
    if (SCREENSHOTS) await page.screenshot({ path: '/tmp/review-reopen-control.png', fullPage: true });
    const [request] = await Promise.all([
      page.waitForRequest((sent) => sent.method() === 'POST' && sent.url().endsWith(`/v1/specs/${runId}/decisions`)),
      form.locator('button[type="submit"]').click(),
    ]);
    expect(request.postDataJSON()).toEqual({ phase: 'requirements', action: 'reopen', comment: 'add SSO', by: 'ana' });
    const response = (await request.response())!;
    if (response.ok()) {
      // The run took it: the page follows the reopened phase, and the decision is recorded as applied.
      await page.waitForURL(`**/specs/${runId}?phase=requirements`, { timeout: PAGE_UPDATE_MS });
      const status = await queryStatus(stack.client, runId);
      expect(status.decisions.at(-1)).toMatchObject({
        phase: 'requirements',
        action: 'reopen',
        by: 'ana',
        comment: 'add SSO',
      });
      // Regenerated with the comment, it waits at its gate again, saying why and compared with its approved revision.
      await page.locator('#decision-form[data-phase="requirements"]').waitFor({ timeout: PAGE_UPDATE_MS });
      expect(await page.locator('[data-reopen-reason="reopened"]').innerText()).toMatch(/reopened by ana: .add SSO./);
      expect(await page.locator('section.diff h3').innerText()).toBe('Changes since approved revision 1');
      if (SCREENSHOTS) await page.screenshot({ path: '/tmp/review-reopened.png', fullPage: true });
    } else {
      // Refused (409, 422): the page shows the run's reason where the form is, and stays.
      const problem = (await response.json()) as { detail: string };
      await expect.poll(() => page.locator('#reopen-error').innerText()).toContain(problem.detail);
      expect(await page.locator('#reopen-form button[type="submit"]').isEnabled()).toBe(true);
    }
  }, 60_000);
});
