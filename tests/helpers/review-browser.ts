import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM_PATH } from '../../src/activities/validate/svg-renderer';

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
export async function watchedPage(browser: Browser, viewport = { width: 1360, height: 900 }): Promise<{ page: Page; trouble: PageTrouble }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const trouble: PageTrouble = { cspViolations: [], pageErrors: [], dialogs: [], consoleErrors: [] };
  await page.exposeFunction('reportCspViolation', (text: string) => trouble.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation(text: string): void }).reportCspViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`);
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
