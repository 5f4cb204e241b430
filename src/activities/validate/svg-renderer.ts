import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** One browser with one page, reused across renders while it lives. */
interface Session {
  browser: Browser;
  page: Page;
}

let session: Promise<Session> | undefined;

/**
 * Renders Mermaid to SVG in headless Chromium with one reused page. Without Chromium the step is
 * skipped with a reason, never failed: the diagram was already parsed. A browser that crashed or
 * was closed is launched again, so one crash does not leave every later pack without its SVG.
 */
export async function renderMermaidSvg(text: string): Promise<{ svg?: string; skipped?: string }> {
  if (
    !(await access(CHROMIUM_PATH).then(
      () => true,
      () => false,
    ))
  )
    return { skipped: `no Chromium at ${CHROMIUM_PATH}; SVG not rendered` };
  try {
    return { svg: await renderOn(await livePage(), text) };
  } catch (error) {
    // The browser died under this render: once more on a fresh one. A diagram Mermaid refuses fails as it is.
    const opened = session;
    if (!opened || !(await isLost(opened))) throw error;
    return { svg: await renderOn(await livePage(), text) };
  }
}

/** The running page, launching Chromium when there is none or the last one is gone. */
async function livePage(): Promise<Page> {
  const opened = session;
  if (opened && (await isLost(opened)) && session === opened) {
    session = undefined;
    // A crashed page may leave its browser running: close it rather than leave it behind.
    void (await opened.catch(() => undefined))?.browser.close().catch(() => undefined);
  }
  const opening = (session ??= launch());
  try {
    return (await opening).page;
  } catch (error) {
    // A failed launch is not remembered: the next render tries again.
    if (session === opening) session = undefined;
    throw error;
  }
}

/** True when the session's launch failed or its browser or page has since gone (crash, kill, close). */
async function isLost(opened: Promise<Session>): Promise<boolean> {
  const current = await opened.catch(() => undefined);
  return !current || !current.browser.isConnected() || current.page.isClosed();
}

async function renderOn(page: Page, text: string): Promise<string> {
  return page.evaluate(async (source) => {
    const mermaid = (
      globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }
    ).mermaid;
    return (await mermaid.render(`diagram${Date.now()}`, source)).svg;
  }, text);
}

async function launch(): Promise<Session> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    // A crashed renderer leaves the browser up but the page useless: close it, so the next render relaunches.
    page.once('crash', () => void page.close().catch(() => undefined));
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
    await page.evaluate(() =>
      (globalThis as unknown as { mermaid: { initialize(options: object): void } }).mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
      }),
    );
    return { browser, page };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}

export async function closeSvgRenderer(): Promise<void> {
  const closing = session;
  session = undefined;
  const current = await closing?.catch(() => undefined);
  await current?.browser.close().catch(() => undefined);
}
