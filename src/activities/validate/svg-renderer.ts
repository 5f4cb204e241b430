import { access } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

let page: Promise<Page> | undefined;
let browser: Browser | undefined;

/**
 * Renders Mermaid to SVG in headless Chromium with one reused page. Without Chromium the step is
 * skipped with a reason, never failed: the diagram was already parsed.
 */
export async function renderMermaidSvg(text: string): Promise<{ svg?: string; skipped?: string }> {
  if (
    !(await access(CHROMIUM_PATH).then(
      () => true,
      () => false,
    ))
  )
    return { skipped: `no Chromium at ${CHROMIUM_PATH}; SVG not rendered` };
  page ??= openPage();
  const ready = await page;
  const svg = await ready.evaluate(async (source) => {
    const mermaid = (
      globalThis as unknown as { mermaid: { render(id: string, text: string): Promise<{ svg: string }> } }
    ).mermaid;
    return (await mermaid.render(`diagram${Date.now()}`, source)).svg;
  }, text);
  return { svg };
}

async function openPage(): Promise<Page> {
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  const opened = await browser.newPage();
  await opened.setContent('<!doctype html><html><body></body></html>');
  await opened.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
  await opened.evaluate(() =>
    (globalThis as unknown as { mermaid: { initialize(options: object): void } }).mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
    }),
  );
  return opened;
}

export async function closeSvgRenderer(): Promise<void> {
  page = undefined;
  await browser?.close();
  browser = undefined;
}
