import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Generator } from '../../src/activities/llm/generator';
import { CHROMIUM_PATH } from '../../src/activities/validate/svg-renderer';
import type { ReviewerDirectory } from '../../src/api/auth/reviewer-directory';
import { startApiServer, type ApiServer } from './api-server';
import { createTestStack, type TestStack } from './test-stack';

export const CHROMIUM_PRESENT = existsSync(CHROMIUM_PATH);
export const NO_CHROMIUM_REASON = `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium): the review page's browser tests are skipped`;

/** What a page did that a review page must never do: CSP violations, uncaught errors, dialogs. */
export interface PageTrouble {
  cspViolations: string[];
  pageErrors: string[];
  dialogs: string[];
  consoleErrors: string[];
}

export async function launchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
}

/**
 * A page that records every CSP violation (the `securitypolicyviolation` event and Chromium's
 * "Refused to…" console lines), every uncaught error and every dialog (dismissed).
 */
export async function watchedPage(
  browser: Browser,
  viewport = { width: 1360, height: 900 },
): Promise<{ page: Page; trouble: PageTrouble }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const trouble: PageTrouble = { cspViolations: [], pageErrors: [], dialogs: [], consoleErrors: [] };
  await page.exposeFunction('reportCspViolation', (text: string) => trouble.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/Content[- ]Security[- ]Policy|Refused to/i.test(message.text())) trouble.cspViolations.push(message.text());
    else trouble.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => trouble.pageErrors.push(String(error)));
  page.on('dialog', (dialog) => {
    trouble.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return { page, trouble };
}

/** Everything a review-page test drives: a test stack whose worker runs in the background, the API on it, and a watched page. */
export interface ReviewSession {
  stack: TestStack;
  api: ApiServer;
  page: Page;
  trouble: PageTrouble;
  close(): Promise<void>;
}

export async function openReviewSession(
  options: { reviewers?: ReviewerDirectory; generator?: Generator } = {},
): Promise<ReviewSession> {
  const stack = await createTestStack();
  const api = await startApiServer(stack, { reviewers: options.reviewers });
  let stopWorker: () => void = () => undefined;
  const worker = stack.withWorker(() => new Promise<void>((resolve) => (stopWorker = resolve)), options.generator);
  const browser = await launchBrowser();
  const { page, trouble } = await watchedPage(browser);
  return {
    stack,
    api,
    page,
    trouble,
    async close() {
      stopWorker();
      await worker;
      await browser.close();
      await api.close();
      await stack.close();
    },
  };
}

/** What every review-page test asserts after each step: the page broke no rule. */
export function expectNoTrouble(trouble: PageTrouble): void {
  expect(trouble.cspViolations, 'CSP violations').toEqual([]);
  expect(trouble.pageErrors, 'uncaught page errors').toEqual([]);
  expect(trouble.dialogs, 'dialogs').toEqual([]);
}
