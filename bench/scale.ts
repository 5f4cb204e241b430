// npm run bench:scale: how far one specforge worker carries gated runs (issue 12, item 3).
//
// 1. Park and drain: SCALE_RUNS gated runs (gates "each", model latency SCALE_PARK_LATENCY_MS) wait at
//    their first gate; the worker's RSS while they wait, then every gate approved as it opens
//    (SCALE_APPROVERS at once) until all complete: the drain time and runs per minute.
// 2. Concurrency at the gate: at SCALE_LATENCY_MS, SCALE_LEVELS runs at once, each gate approved as it
//    opens; gate = decision sent → the next phase's model call started (timed inside the worker).
//    The steps stop after the first level whose gate p99 reaches 250 ms.
//
// Environment (all optional):
//   TEMPORAL_ADDRESS        an existing server (the cluster: 127.0.0.1:17233); unset: a dev server of the bench's own
//   TEMPORAL_NAMESPACE      default
//   WORKERS                 worker processes on the bench's task queue (default 1)
//   SCALE_PARTS             park,levels (default both)
//   SCALE_RUNS              runs parked (default 500)
//   SCALE_PARK_LATENCY_MS   the fake model's latency while parking and draining (default 0)
//   SCALE_APPROVERS         approvals in flight at once (default 50)
//   SCALE_SETTLE_MS         how long the parked runs sit before the settled RSS is read (default 10000)
//   SCALE_LATENCY_MS        the fake model's latency L in the concurrency steps (default 1000)
//   SCALE_LEVELS            concurrent runs per step (default 1,5,10,25,50,100,200)
//   SCALE_ALL_LEVELS        1: step through every level, past the first gate p99 over 250 ms (runs/min comparisons)
//   SCALE_STALL_MS          a step fails when no run moved for this long (default 300000)
//   SCALE_MAX_CACHED, SCALE_WORKFLOW_SLOTS, SCALE_ACTIVITY_SLOTS, SCALE_WORKFLOW_POLLERS, SCALE_ACTIVITY_POLLERS
//                           override WORKER_TUNING (src/workers/create-worker.ts) with a number, or "sdk" for the
//                           SDK's default: the comparison rows
//
// The worker is bench/scale-worker.ts (createSpecWorker, the offline generator behind a latency) in a
// process of its own, so its RSS (VmRSS) is its own; Chromium, which renders the diagrams, is not in it.
// With WORKERS=2 the RSS columns are the sum over the workers. On 2 shared cores the drain runs at
// about 20 runs/min: SCALE_RUNS=100 finishes in about 7 minutes, the default 500 in about 30.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { startSpec } from '../src/runs/start-spec';
import { startDevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import { registerSearchAttributes } from '../src/temporal/register-search-attributes';
import { WORKER_TUNING, WORKFLOWS_PATH, type SpecWorkerOptions } from '../src/workers/create-worker';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../src/workers/worker-interceptors';
import { freePort } from '../tests/helpers/free-port';
import { createGateDriver, gateLatencies } from './gate-driver';
import { percentile, pooled } from './percentile';
import { childrenNamed, sampleRss } from './process-rss';
import type { ScaleWorkerSettings } from './scale-worker-settings';
import { startScaleWorkers } from './scale-workers';

const environment = process.env;
const WORKERS = Number(environment.WORKERS ?? 1);
const PARTS = (environment.SCALE_PARTS ?? 'park,levels').split(',');
const RUNS = Number(environment.SCALE_RUNS ?? 500);
const PARK_LATENCY_MS = Number(environment.SCALE_PARK_LATENCY_MS ?? 0);
const APPROVERS = Number(environment.SCALE_APPROVERS ?? 50);
const SETTLE_MS = Number(environment.SCALE_SETTLE_MS ?? 10_000);
const LATENCY_MS = Number(environment.SCALE_LATENCY_MS ?? 1000);
const LEVELS = (environment.SCALE_LEVELS ?? '1,5,10,25,50,100,200').split(',').map(Number);
const GATE_P99_LIMIT_MS = 250;
const ALL_LEVELS = environment.SCALE_ALL_LEVELS === '1';
const NAMESPACE = environment.TEMPORAL_NAMESPACE ?? 'default';
/** Runs started at once while parking: the client's own pace, not what is measured. */
const STARTERS = 25;

const tuning = tuningFromEnvironment();
const server = environment.TEMPORAL_ADDRESS
  ? undefined
  : await startDevServer({ cli: await findTemporalCli(), port: await freePort() });
const address = environment.TEMPORAL_ADDRESS ?? server!.address;
const connection = await Connection.connect({ address });
if (!server) await registerSearchAttributes(connection, NAMESPACE);
const client = new Client({ connection, namespace: NAMESPACE });
const folder = await mkdtemp(path.join(os.tmpdir(), 'specforge-bench-scale-'));
const bundlePath = path.join(folder, 'workflow-bundle.js');
const { code } = await bundleWorkflowCode({
  workflowsPath: WORKFLOWS_PATH,
  workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
  logger: new DefaultLogger('ERROR'),
});
await writeFile(bundlePath, code);
const serverPids = server ? childrenNamed('temporal') : [];

const rows: Record<string, string>[] = [];
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const mib = (value: number) => value.toFixed(0);
const perMinute = (runs: number, ms: number) => ((runs * 60_000) / ms).toFixed(0);

/** Worker processes on a task queue of their own (never the cluster's), with a driver that approves their gates. */
async function withWorkers<T>(
  name: string,
  latencyMs: number,
  work: (context: {
    driver: ReturnType<typeof createGateDriver>;
    rss: ReturnType<typeof sampleRss>;
    taskQueue: string;
    /** The workers' event-loop delay since the last call: "p99 / max ms", the highest over the workers. */
    loopDelay: () => Promise<string>;
  }) => Promise<T>,
): Promise<T> {
  const driver = createGateDriver(client, APPROVERS);
  const taskQueue = `bench-scale-${name}-${process.pid}-${Date.now()}`;
  const settings: ScaleWorkerSettings = {
    address,
    namespace: NAMESPACE,
    taskQueue,
    bundlePath,
    folder: path.join(folder, name),
    latencyMs,
    ...(tuning.overrides ? { tuning: tuning.overrides } : {}),
  };
  const workers = await startScaleWorkers(
    WORKERS,
    settings,
    (event) => driver.receive(event),
    (error) => driver.fail(error),
  );
  const rss = sampleRss(workers.pids);
  // On stderr, so a long run shows it moves; the table stays alone on stdout.
  const progress = setInterval(() => {
    const runs = driver.runs();
    const parked = runs.filter((run) => run.gates.length > 0).length;
    const finished = runs.filter((run) => run.finished !== undefined).length;
    console.error(`${name}: ${parked} runs reached a gate, ${finished} finished, worker RSS ${mib(rss.now())} MiB`);
  }, 15_000);
  try {
    const loopDelay = async () => {
      const delays = await workers.loopDelays();
      const highest = (key: 'p99' | 'max') => Math.max(...delays.map((delay) => delay[key])).toFixed(0);
      return `${highest('p99')} / ${highest('max')}`;
    };
    return await work({ driver, rss, taskQueue, loopDelay });
  } finally {
    clearInterval(progress);
    rss.stop();
    await workers.stop();
  }
}

async function startRuns(taskQueue: string, count: number, concurrency: number, label: string): Promise<void> {
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < count; index = next++)
      await startSpec(client, taskQueue, { feature: `${label} run ${index}`, gates: 'each' });
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
}

async function parkAndDrain(): Promise<void> {
  await withWorkers('park', PARK_LATENCY_MS, async ({ driver, rss, taskQueue, loopDelay }) => {
    driver.hold();
    const started = performance.timeOrigin + performance.now();
    await startRuns(taskQueue, RUNS, STARTERS, 'Parked');
    await driver.until((runs) => runs.filter((run) => run.gates.length > 0).length >= RUNS);
    const parked = Math.max(...driver.runs().map((run) => run.gates[0]!)) - started;
    const parkPeak = rss.peak();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const settled = rss.now();
    const serverParked = sampleRss(() => serverPids).now();
    rss.reset();
    await loopDelay();
    driver.release();
    await driver.until((runs) => runs.filter((run) => run.finished !== undefined).length >= RUNS);
    const drain = Math.max(...driver.runs().map((run) => run.finished!)) - driver.firstDecision()!;
    const gates = gateLatencies(driver.runs());
    rows.push({
      step: 'park, then drain',
      workers: String(WORKERS),
      runs: String(RUNS),
      'L ms': String(PARK_LATENCY_MS),
      'park s': seconds(parked),
      'drain s': seconds(drain),
      'runs/min': perMinute(RUNS, drain),
      'gate p50 / p99 ms': `${percentile(gates, 50).toFixed(0)} / ${percentile(gates, 99).toFixed(0)} (${pooled(gates)})`,
      'worker RSS parked peak / settled MiB': `${mib(parkPeak)} / ${mib(settled)}`,
      'worker RSS peak MiB': mib(rss.peak()),
      'event-loop delay p99 / max ms': await loopDelay(),
      'server RSS MiB': server ? mib(serverParked) : '—',
      'approvals failed / sent again': `${driver.failures()} / ${driver.retries()}`,
    });
  });
}

async function concurrencySteps(): Promise<void> {
  await withWorkers('levels', LATENCY_MS, async ({ driver, rss, taskQueue, loopDelay }) => {
    // One run first, not measured: the worker's first phases load code and launch Chromium.
    await startRuns(taskQueue, WORKERS, WORKERS, 'Warm-up');
    await driver.until((runs) => runs.filter((run) => run.finished !== undefined).length >= WORKERS);
    for (const level of LEVELS) {
      const before = new Set(driver.runs());
      const label = `Level ${level}`;
      rss.reset();
      await loopDelay();
      const started = performance.timeOrigin + performance.now();
      await startRuns(taskQueue, level, level, label);
      await driver.until(
        (runs) => runs.filter((run) => !before.has(run) && run.finished !== undefined).length >= level,
      );
      const ours = driver.runs().filter((run) => !before.has(run));
      const wall = Math.max(...ours.map((run) => run.finished!)) - started;
      const gates = gateLatencies(ours);
      const p99 = percentile(gates, 99);
      rows.push({
        step: 'concurrency',
        workers: String(WORKERS),
        runs: String(level),
        'L ms': String(LATENCY_MS),
        'park s': '—',
        'drain s': seconds(wall),
        'runs/min': perMinute(level, wall),
        'gate p50 / p99 ms': `${percentile(gates, 50).toFixed(0)} / ${p99.toFixed(0)} (${pooled(gates)})`,
        'worker RSS parked peak / settled MiB': '—',
        'worker RSS peak MiB': mib(rss.peak()),
        'event-loop delay p99 / max ms': await loopDelay(),
        'server RSS MiB': server ? mib(sampleRss(() => serverPids).now()) : '—',
        'approvals failed / sent again': `${driver.failures()} / ${driver.retries()}`,
      });
      console.error(`concurrency ${level}: gate p99 ${p99.toFixed(0)} ms`);
      if (!ALL_LEVELS && !(p99 < GATE_P99_LIMIT_MS)) break;
    }
  });
}

/** SCALE_MAX_CACHED and the like: a number, or "sdk" (null: the SDK's default); unset: WORKER_TUNING's value. */
function tuningFromEnvironment() {
  const overrides: Record<string, unknown> = {};
  const read = (name: string, key: keyof typeof WORKER_TUNING, wrap: (value: number) => unknown = (value) => value) => {
    const value = environment[name];
    if (value !== undefined) overrides[key] = value === 'sdk' ? null : wrap(Number(value));
  };
  const poller = (maximum: number) => ({ type: 'simple-maximum', maximum });
  read('SCALE_MAX_CACHED', 'maxCachedWorkflows');
  read('SCALE_WORKFLOW_SLOTS', 'maxConcurrentWorkflowTaskExecutions');
  read('SCALE_ACTIVITY_SLOTS', 'maxConcurrentActivityTaskExecutions');
  read('SCALE_WORKFLOW_POLLERS', 'workflowTaskPollerBehavior', poller);
  read('SCALE_ACTIVITY_POLLERS', 'activityTaskPollerBehavior', poller);
  const effective = { ...WORKER_TUNING, ...overrides } as Record<string, unknown>;
  const show = (key: keyof typeof WORKER_TUNING) => {
    const value = effective[key];
    if (value === undefined || value === null) return 'sdk';
    return typeof value === 'object' ? String((value as { maximum?: number }).maximum ?? 'auto') : String(value);
  };
  return {
    overrides: Object.keys(overrides).length ? (overrides as SpecWorkerOptions['tuning']) : undefined,
    label:
      `maxCachedWorkflows ${show('maxCachedWorkflows')}, workflow slots ${show('maxConcurrentWorkflowTaskExecutions')} ` +
      `/ pollers ${show('workflowTaskPollerBehavior')}, activity slots ${show('maxConcurrentActivityTaskExecutions')} ` +
      `/ pollers ${show('activityTaskPollerBehavior')}`,
  };
}

try {
  if (PARTS.includes('park')) await parkAndDrain();
  if (PARTS.includes('levels')) await concurrencySteps();
} finally {
  await connection.close();
  await server?.stop();
  await rm(folder, { recursive: true, force: true });
}
const columns = Object.keys(rows[0] ?? {});
console.log(`\n| ${columns.join(' | ')} |\n|${columns.map(() => '---').join('|')}|`);
for (const row of rows) console.log(`| ${columns.map((column) => row[column]).join(' | ')} |`);
console.log(
  `\n${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; ` +
    `${server ? 'dev server of the bench' : `server ${address}`}; worker tuning: ${tuning.label}; ` +
    `gate = decision sent → next model call started; ${APPROVERS} approvals in flight at most`,
);
process.exit(0);
