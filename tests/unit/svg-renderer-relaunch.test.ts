import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { closeSvgRenderer, renderMermaidSvg } from '../../src/activities/validate/svg-renderer';

const run = promisify(execFile);
const diagram = 'flowchart LR\n  api[API] --> db[(Database)]';

afterAll(() => closeSvgRenderer());

/** Kills (SIGKILL, as a crash or the OOM killer would) every Chromium this test process started. */
async function killChromium(): Promise<number> {
  const { stdout } = await run('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)]);
  const browsers = stdout
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, command]) => pid && /chrom/i.test(command ?? ''))
    .map(([pid]) => Number(pid));
  for (const pid of browsers) process.kill(pid, 'SIGKILL');
  return browsers.length;
}

describe('the Mermaid SVG renderer', () => {
  it('launches Chromium again after it crashed, so the next pack still has its SVG', async () => {
    const first = await renderMermaidSvg(diagram);
    expect(first.svg).toContain('<svg');
    expect(await killChromium()).toBeGreaterThan(0);
    const second = await renderMermaidSvg(diagram);
    expect(second.skipped).toBeUndefined();
    expect(second.svg).toContain('<svg');
  });

  it('launches Chromium again after it was closed', async () => {
    await closeSvgRenderer();
    expect((await renderMermaidSvg(diagram)).svg).toContain('<svg');
  });
});
