// node --import tsx bench/review-page.ts: the review page's load time for a run of eight phases,
// and the time from a click on approve until the page shows the next phase running.
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { Page } from 'playwright-core';
import pino from 'pino';
import { ArtifactStore } from '../src/activities/artifacts/artifact-store';
import { createActivities } from '../src/activities/create-activities';
import { createOfflineGenerator } from '../src/activities/llm/offline-generator';
import { createFileTarget } from '../src/activities/tickets/file-target';
import { closeSvgRenderer } from '../src/activities/validate/svg-renderer';
import { createApp } from '../src/api/create-app';
import { startSpec } from '../src/runs/start-spec';
import { PHASES, type PhaseName } from '../src/shared/phases';
import type { SpecRunStatus } from '../src/shared/spec-run';
import { startDevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import { WORKFLOWS_PATH } from '../src/workers/create-worker';
import { statusQuery } from '../src/workflows/messages';
import { freePort } from '../tests/helpers/free-port';
import { CHROMIUM_PRESENT, launchBrowser, NO_CHROMIUM_REASON } from '../tests/helpers/review-browser';
import { waitFor } from '../tests/helpers/wait-for';
import { median } from './median';

const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const APPROVALS = Number(process.env.BENCH_APPROVALS ?? 10);
const FEATURE = 'Add passwordless login with magic links';

if (!CHROMIUM_PRESENT) {
  console.log(NO_CHROMIUM_REASON);
  process.exit(0);
}
Runtime.install({ logger: new DefaultLogger('ERROR') });
const server = await startDevServer({ cli: await findTemporalCli(), port: await freePort() });
const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-bench-review-'));
const bundlePath = path.join(root, 'bundle.js');
await writeFile(
  bundlePath,
  (await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('ERROR') })).code,
);
const connection = await Connection.connect({ address: server.address });
const client = new Client({ connection });
const taskQueue = `bench-review-${Date.now()}`;
const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
const worker = await Worker.create({
  connection: await NativeConnection.connect({ address: server.address }),
  taskQueue,
  workflowBundle: { codePath: bundlePath },
  activities: createActivities({
    generator: createOfflineGenerator(),
    store,
    tickets: { file: createFileTarget(store) },
  }),
});
const app = createApp({ client, namespace: 'default', taskQueue, store }, pino({ level: 'silent' }));
const http = app.listen(0, '127.0.0.1');
await new Promise((resolve) => http.once('listening', resolve));
const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
const browser = await launchBrowser();

const status = (id: string) => client.workflow.getHandle(id).query(statusQuery);
const atGate = (id: string, phase: string) =>
  waitFor(
    async () => ((await status(id)).pendingApproval?.phase === phase ? true : undefined),
    `the ${phase} gate of ${id}`,
    60_000,
  );

try {
  await worker.runUntil(measure);
} finally {
  await browser.close();
  await new Promise<void>((resolve) => http.close(() => resolve()));
  await connection.close();
  await server.stop();
  await closeSvgRenderer();
}
process.exit(0);

async function measure() {
  const completed = await startSpec(client, taskQueue, { feature: FEATURE, gates: 'none' });
  const result = (await client.workflow.getHandle(completed).result()) as SpecRunStatus;
  const gated = await startSpec(client, taskQueue, { feature: FEATURE, gates: 'each' });
  await atGate(gated, 'requirements');
  await approveByApi(gated, 'requirements');
  await atGate(gated, 'architecture');

  console.log(
    `\nReview page load (Chromium, ${LOADS} loads each after one cold load; completed run: ${result.phases.length} phases, ${result.decisions.length} decisions)`,
  );
  console.table([
    await loads('completed run, /specs/:id (cost)', `/specs/${completed}`),
    await loads('completed run, architecture (diagram)', `/specs/${completed}?phase=architecture`),
    await loads('completed run, api (diagram, operations)', `/specs/${completed}?phase=api`),
    await loads('at a gate: architecture r1 (diagram)', `/specs/${gated}`),
    await loads('at a gate: requirements (approved)', `/specs/${gated}?phase=requirements`),
    await loads('list of runs, /', '/'),
  ]);

  const samples = await approvals(gated);
  console.log(`\nClick on approve until the page shows the next phase running, median of ${samples.length}`);
  console.table(
    samples.map((sample) => ({
      gate: sample.gate,
      next: sample.next,
      ms: Math.round(sample.ms),
      'next phase shown as': sample.shown,
    })),
  );
  console.log(
    `median: ${Math.round(median(samples.map((sample) => sample.ms)))} ms (${samples.filter((sample) => sample.shown === 'running').length} of ${samples.length} caught while running; the others had already finished generating)`,
  );
}

/** One cold load in a fresh browser context, then LOADS warm ones: to the load event, and until diagrams are drawn. */
async function loads(what: string, url: string) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  const cold = await loadOnce(page, url);
  const warm = [];
  for (let index = 0; index < LOADS; index += 1) warm.push(await loadOnce(page, url));
  await context.close();
  return {
    page: what,
    'cold load ms': Math.round(cold.load),
    'cold drawn ms': Math.round(cold.drawn),
    'median load ms': Math.round(median(warm.map((sample) => sample.load))),
    'median drawn ms': Math.round(median(warm.map((sample) => sample.drawn))),
    'HTML KB': Math.round(cold.bytes / 1024),
  };
}

async function loadOnce(page: Page, url: string) {
  const started = performance.now();
  const response = await page.goto(`${base}${url}`, { waitUntil: 'load' });
  const load = performance.now() - started;
  // The page's script sets data-diagrams once Mermaid has drawn every block ("none" when there are none).
  await page
    .locator('body[data-diagrams]')
    .waitFor({ state: 'attached', timeout: 30_000 })
    .catch(() => page.locator('body[data-page="runs"]').waitFor({ state: 'attached' }));
  const drawn = performance.now() - started;
  return { load, drawn, bytes: (await response!.body()).length };
}

/** Clicks approve at successive gates (new runs when one runs out of gates) and times each until the next phase shows as running. */
async function approvals(firstRun: string) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.evaluate(() => localStorage.setItem('specforge.reviewer', 'bench'));
  const samples: { gate: PhaseName; next: PhaseName; ms: number; shown: string }[] = [];
  let run = firstRun;
  while (samples.length < APPROVALS) {
    const pending = (await status(run)).pendingApproval?.phase as PhaseName;
    const next = PHASES[PHASES.indexOf(pending) + 1];
    if (!next) {
      run = await startSpec(client, taskQueue, { feature: FEATURE, gates: 'each' });
      await atGate(run, 'requirements');
      continue;
    }
    await page.goto(`${base}/specs/${run}`);
    const state = page.locator(`[data-phase-state="${next}"]`, { hasText: /running|awaiting approval/ });
    const started = performance.now();
    await page.locator(`#decision-form[data-phase="${pending}"] button[data-action="approve"]`).click();
    await state.waitFor({ timeout: 30_000 });
    samples.push({ gate: pending, next, ms: performance.now() - started, shown: await state.innerText() });
    // Away from the run first, so the page's own reload at the next gate cannot race the next goto.
    await page.goto('about:blank');
    await atGate(run, next);
  }
  await context.close();
  return samples;
}

async function approveByApi(id: string, phase: PhaseName) {
  const response = await fetch(`${base}/v1/specs/${id}/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phase, action: 'approve', by: 'bench' }),
  });
  if (!response.ok) throw new Error(`approve ${phase}: ${response.status} ${await response.text()}`);
}
