// npm run bench:orchestration: the same gated 8-step pipeline through specforge and the engines a team
// would pick instead (bench/peers/), each in a child process of its own, all calling one fake model
// (bench/orchestration-model.ts) that answers after a fixed latency L and records when each call arrived.
//
// Settings (environment):
//   BENCH_ENGINES            engines to run, comma-separated (default: all five, by their row names below)
//   BENCH_LATENCIES_MS       L for the runs decided at once (default 0,1000,5000)
//   BENCH_RUNS               runs per latency, one after another, each gate decided at once (default 4,1,1)
//   BENCH_CONCURRENT_RUNS    runs started together at L = BENCH_CONCURRENT_LATENCY_MS (default 50 at 1000)
//   BENCH_CONCURRENT_LIMIT_MS  the concurrent runs still going then are not counted (default 150000)
//   BENCH_REVIEW_MS          review time R before each decision, for the reviewer wait (default 10000)
//   BENCH_REVIEW_LATENCY_MS  L of the reviewed run (default 5000)
//   BENCH_REVIEW_GATES       gates reviewed per engine; all engines review at once, as they mostly sleep (default 3)
//   BENCH_CHILD_DEADLINE_MS  an engine's child still going after this is killed, its row dashes (default 1800000)
//   BENCH_DBOS_DATABASE_URL  DBOS's system database, each child's name suffixed with its pid and time, dropped at its
//                            end; default: bench_dbos on `scripts/cluster.sh postgres` (left running)
// A child's peak RSS is its own and its children's; each Temporal engine has a dev server (SQLite file) of its
// own, measured apart.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { freeLoopbackPort } from '../src/metrics/free-loopback-port';
import { startDevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import { WORKFLOWS_PATH } from '../src/workers/create-worker';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../src/workers/worker-interceptors';
import type { GateEvents } from './gate-history';
import { median } from './median';
import { percentile, pooled } from './percentile';
import { childrenNamed, sampleRss } from './process-rss';
import { reportIn, STEP_COUNT, type EngineReport, type RunRecord, type Scenario } from './orchestration-driver';
import { startOrchestrationModel } from './orchestration-model';

const numbers = (text: string) => text.split(',').map(Number);
const env = process.env;
const LATENCIES = numbers(env.BENCH_LATENCIES_MS ?? '0,1000,5000');
const RUNS = numbers(env.BENCH_RUNS ?? '4,1,1');
const CONCURRENT = {
  runs: Number(env.BENCH_CONCURRENT_RUNS ?? 50),
  latencyMs: Number(env.BENCH_CONCURRENT_LATENCY_MS ?? 1000),
  limitMs: Number(env.BENCH_CONCURRENT_LIMIT_MS ?? 150_000),
};
const REVIEW = {
  reviewMs: Number(env.BENCH_REVIEW_MS ?? 10_000),
  latencyMs: Number(env.BENCH_REVIEW_LATENCY_MS ?? 5000),
  gates: Number(env.BENCH_REVIEW_GATES ?? 3),
};
const here = path.dirname(new URL(import.meta.url).pathname);
const root = path.dirname(here);

interface EngineSpec {
  script: string;
  /** A Temporal engine: its workflows to bundle, and a dev server of its own. */
  bundle?: 'specforge' | 'raw';
  /** Environment of the child; `speculate` only for the reviewed run. */
  env?: (speculate: boolean) => Record<string, string>;
}

const began = performance.now();
/** The Temporal engines' workflows, bundled here once: webpack in a child would swell the RSS it reports. */
const BUNDLES = {
  specforge: { workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES },
  raw: { workflowsPath: path.join(here, 'peers', 'raw-temporal-workflow.ts') },
};
/** A child still going after this long is killed (its row shows dashes). */
const CHILD_DEADLINE_MS = Number(env.BENCH_CHILD_DEADLINE_MS ?? 1_800_000);

const ENGINES: Record<string, EngineSpec> = {
  'plain loop': { script: 'bench/peers/plain-loop.ts' },
  'LangGraph JS 1.7.3, SQLite, durability sync': { script: 'bench/peers/langgraph.ts' },
  'DBOS 5.3.0, PostgreSQL': {
    script: 'bench/peers/dbos.ts',
    env: () => ({ BENCH_DBOS_DATABASE_URL: dbosDatabaseUrl }),
  },
  'raw Temporal TS 1.24': { script: 'bench/peers/raw-temporal.ts', bundle: 'raw' },
  specforge: {
    script: 'bench/orchestration-specforge.ts',
    bundle: 'specforge',
    env: (speculate) => ({
      OPENAI_BASE_URL: model.baseURL,
      OPENAI_API_KEY: 'sk-bench-not-a-real-key',
      SPECFORGE_MODEL: 'fake',
      SPECFORGE_SPECULATE: speculate ? 'on' : 'off',
      SPECFORGE_HOME: path.join(folder, `home-${speculate}`),
      SPECFORGE_OUT: path.join(folder, `specs-${speculate}`),
      TEMPORAL_TASK_QUEUE: `bench-specforge-${speculate}-${Date.now()}`,
      LOG_LEVEL: 'error',
    }),
  },
};
const chosen = env.BENCH_ENGINES ? env.BENCH_ENGINES.split(',').map((name) => name.trim()) : Object.keys(ENGINES);
const engines = Object.keys(ENGINES).filter((name) => chosen.some((wanted) => name.startsWith(wanted)));

const model = await startOrchestrationModel();
const folder = await mkdtemp(path.join(os.tmpdir(), 'specforge-bench-orchestration-'));
/** Each Temporal engine's own dev server (SQLite file), so neither engine's runs load the other's. */
const servers = new Map<string, { address: string; pid?: number; bundlePath: string; stop: () => Promise<void> }>();
/** Children still going: killed, with whatever they spawned, if the bench fails. */
const children = new Set<ChildProcess>();
const reports = new Map<string, EngineReport[]>();
const serverRssMiB = new Map<string, number>();
let dbosDatabaseUrl = '';
try {
  if (engines.some((name) => name.startsWith('DBOS'))) dbosDatabaseUrl = await dbosDatabase();
  if (!existsSync(path.join(here, 'peers', 'node_modules'))) {
    console.error('Installing the peers (npm ci --prefix bench/peers)...');
    await promisify(execFile)('npm', ['ci', '--prefix', path.join(here, 'peers')]);
  }
  for (const name of engines) {
    const bundle = ENGINES[name]!.bundle;
    if (bundle) await startTemporal(name, bundle);
  }
  for (const name of engines) {
    console.error(`${name}: runs decided at once, then ${CONCURRENT.runs} at once...`);
    const scenario: Scenario = {
      engine: slug(name),
      atOnce: LATENCIES.map((latencyMs, index) => ({ latencyMs, runs: RUNS[index] ?? 1 })),
      concurrent: CONCURRENT,
    };
    const pid = servers.get(name)?.pid;
    const serverRss = pid ? sampleRss(() => [pid], 500) : undefined;
    reports.set(
      name,
      [await runChild(name, scenario, false)].filter((report) => report !== undefined),
    );
    if (serverRss) serverRssMiB.set(name, serverRss.peak());
    serverRss?.stop();
  }
  console.error(
    `All engines: ${REVIEW.gates} gates reviewed for ${REVIEW.reviewMs} ms each, at L = ${REVIEW.latencyMs} ms...`,
  );
  const reviewed = await Promise.all(
    engines.map((name) => runChild(name, { engine: slug(name), atOnce: [], review: REVIEW }, true)),
  );
  engines.forEach((name, index) => reports.get(name)!.push(...(reviewed[index] ? [reviewed[index]] : [])));
  printTables();
} finally {
  for (const child of children) killGroup(child);
  await model.close();
  for (const server of servers.values()) await server.stop();
  await rm(folder, { recursive: true, force: true });
}

/** A dev server for engine `name`, and its workflows bundled into the folder (BENCH_WORKFLOW_BUNDLE). */
async function startTemporal(name: string, bundle: keyof typeof BUNDLES): Promise<void> {
  const { code } = await bundleWorkflowCode({ ...BUNDLES[bundle], logger: new DefaultLogger('ERROR') });
  const bundlePath = path.join(folder, `${bundle}-workflows.js`);
  await writeFile(bundlePath, code);
  const port = await freeLoopbackPort();
  const before = new Set(childrenNamed('temporal'));
  const server = await startDevServer({
    cli: await findTemporalCli(),
    port,
    dbFile: path.join(folder, `${bundle}.db`),
  });
  const pid = childrenNamed('temporal').find((child) => !before.has(child));
  servers.set(name, { address: server.address, ...(pid ? { pid } : {}), bundlePath, stop: server.stop });
}

/** The child's report; undefined (its row then shows dashes) when it failed or overran, which it printed. */
async function runChild(name: string, scenario: Scenario, speculate: boolean): Promise<EngineReport | undefined> {
  const spec = ENGINES[name]!;
  const server = servers.get(name);
  const temporal = server ? { TEMPORAL_ADDRESS: server.address, BENCH_WORKFLOW_BUNDLE: server.bundlePath } : {};
  // Detached: a group of its own, so killing it kills what it spawned (Chromium, a worker's threads) too.
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', spec.script], {
    cwd: root,
    env: {
      ...env,
      ...temporal,
      ...spec.env?.(speculate),
      BENCH_MODEL_URL: model.baseURL,
      BENCH_SCENARIO: JSON.stringify(scenario),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  children.add(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const overrun = setTimeout(() => {
    console.error(`${name} still going after ${CHILD_DEADLINE_MS / 1000} s: killed`);
    killGroup(child);
  }, CHILD_DEADLINE_MS);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(overrun);
  children.delete(child);
  killGroup(child); // Whatever it spawned and left behind.
  const report = reportIn(output);
  if (!report) console.error(`${name} ended (${code}) without a report:\n${output.slice(-3000)}`);
  return report;
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // The group has already gone.
  }
}

/** DBOS's system database on the PostgreSQL of scripts/cluster.sh (bench/peers/dbos.ts makes it its own). */
async function dbosDatabase(): Promise<string> {
  if (env.BENCH_DBOS_DATABASE_URL) return env.BENCH_DBOS_DATABASE_URL;
  const { stdout } = await promisify(execFile)('bash', [path.join(root, 'scripts', 'cluster.sh'), 'postgres']);
  const url = new URL(stdout.trim().split('\n').at(-1)!);
  url.pathname = '/bench_dbos';
  return url.toString();
}

function slug(name: string): string {
  return name.split(/[ ,]/)[0]!.toLowerCase();
}

function ms(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '–';
}

function seconds(value: number): string {
  return Number.isFinite(value) ? `${(value / 1000).toFixed(2)} s` : '–';
}

function runsOf(name: string): RunRecord[] {
  return reports.get(name)!.flatMap((report) => report.runs);
}

/**
 * Median wall time of the runs decided at once at `latencyMs`: start sent → run ended, or → the last
 * step's answer waited at its gate (specforge's end also renders the pack, which no peer does).
 */
function wallTime(name: string, latencyMs: number, to: 'end' | 'answer' = 'end'): number {
  const walls = runsOf(name)
    .filter((run) => run.mode === 'once' && run.latencyMs === latencyMs && run.ended !== undefined)
    .map((run) => (to === 'end' ? run.ended! : run.ready[STEP_COUNT - 2]!) - run.started);
  return walls.length ? median(walls) : Number.NaN;
}

/** Decision sent → the model received the next step's call, for every gate of the runs decided at once. */
function gateCosts(name: string): number[] {
  return runsOf(name)
    .filter((run) => run.mode === 'once')
    .flatMap((run) =>
      run.sent.slice(0, STEP_COUNT - 1).map((sent, step) => (model.arrivalOf(run.key, step + 1) ?? Number.NaN) - sent),
    )
    .filter(Number.isFinite);
}

function printTables(): void {
  const loop = engines.find((name) => name === 'plain loop');
  const header = [
    'engine',
    `wall per run, L = ${LATENCIES.map((latency) => `${latency / 1000} s`).join(' / ')}`,
    "wall to the last step's answer",
    'overhead over the loop, ms (%)',
    'gate p50 / p99 ms (speculation off)',
    `reviewer wait p50 / max ms (L = ${REVIEW.latencyMs / 1000} s, R = ${REVIEW.reviewMs / 1000} s)`,
    `runs per minute, ${CONCURRENT.runs} at once (L = ${CONCURRENT.latencyMs / 1000} s)`,
    'peak RSS MiB after warm-up: engine process (+ the processes it spawned) + its dev server',
  ];
  const rows = engines.map((name) => {
    const walls = LATENCIES.map((latency) => wallTime(name, latency));
    const overhead = loop
      ? LATENCIES.map((latency, index) => {
          const base = wallTime(loop, latency);
          const extra = walls[index]! - base;
          return `${ms(extra)} (${base > 0 ? Math.round((100 * extra) / base) : '–'}%)`;
        }).join(' / ')
      : '–';
    const gates = gateCosts(name);
    const waits = runsOf(name)
      .filter((run) => run.mode === 'review')
      .flatMap((run) => run.ready.map((ready, index) => ready - run.sent[index]!));
    const concurrent = reports.get(name)![0]?.concurrent;
    const perMinute = concurrent ? (concurrent.finished * 60_000) / concurrent.elapsedMs : Number.NaN;
    const partial = concurrent && concurrent.finished < CONCURRENT.runs ? ` (${concurrent.finished} ended)` : '';
    const peak = (of: (report: EngineReport) => number) =>
      reports.get(name)!.length ? Math.max(...reports.get(name)!.map(of)) : Number.NaN;
    const [rss, spawned] = [peak((report) => report.peakRssMiB), peak((report) => report.peakChildrenRssMiB)];
    const server = serverRssMiB.get(name);
    return [
      name === 'specforge' ? `**specforge** (speculation on for the reviewer wait)` : name,
      walls.map(seconds).join(' / '),
      LATENCIES.map((latency) => seconds(wallTime(name, latency, 'answer'))).join(' / '),
      name === loop ? '—' : overhead,
      `${ms(median(gates))} / ${ms(percentile(gates, 99))} (${pooled(gates)})`,
      waits.length ? `${ms(median(waits))} / ${ms(Math.max(...waits))}` : '–',
      `${perMinute.toFixed(1)}${partial}`,
      `${ms(rss)}${spawned ? ` (+ ${ms(spawned)} spawned)` : ''}${server ? ` + ${ms(server)}` : ''}`,
    ];
  });
  console.log(`\n${markdown(header, rows)}`);
  printOwnWork();
  console.log(
    `\n${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; runs decided at once: ${RUNS.join(', ')} at L = ${LATENCIES.join(', ')} ms; gates: decision sent → the model received the next step's call; wall time: start sent → last decision's run ended (specforge's end includes rendering the pack's diagrams in Chromium, which no peer does), or → the last step's answer waited at its gate; ${CONCURRENT.runs} runs at once stopped after ${CONCURRENT.limitMs / 1000} s; every driver is told at once that a gate opened (specforge: its notify activity, wrapped in the worker's process; raw Temporal: an update that returns once the step waits), none polls; peak RSS sampled every 200 ms from /proc after the warm-up run, the engine's process, then the sum over the processes it spawned (specforge's Chromium: its processes share pages, which the sum counts in each), the most of its two children (runs, review), + the peak of the engine's own dev server while its runs went; bench took ${Math.round((performance.now() - began) / 1000)} s.`,
  );
}

/**
 * specforge's own work per gate over the raw Temporal floor, stage by stage: the decision's events in
 * both engines' histories (server clock) between the driver's send and the model's receipt.
 */
function printOwnWork(): void {
  const floor = engines.find((name) => name.startsWith('raw Temporal'));
  const own = gatesOf('specforge', ' once ');
  const raw = gatesOf(floor, ' once ');
  if (!own.length) return;
  const sentOf = (name: string, gate: GateEvents) =>
    runsOf(name).find((run) => run.key === gate.key)?.sent[gate.step] ?? Number.NaN;
  const receivedOf = (gate: GateEvents) => model.arrivalOf(gate.key, gate.step + 1) ?? Number.NaN;
  const stages: [string, (gate: GateEvents, name: string) => number][] = [
    ['decision sent → decision event (update accepted / signal)', (gate, name) => gate.decided - sentOf(name, gate)],
    ['decision event → next step scheduled', (gate) => gate.scheduled - gate.decided],
    ['the two above: decision sent → next step scheduled', (gate, name) => gate.scheduled - sentOf(name, gate)],
    ['scheduled → started on the worker', (gate) => gate.started - gate.scheduled],
    ['started → the model received the call', (gate) => receivedOf(gate) - gate.started],
    ['all: decision sent → the model received the call', (gate, name) => receivedOf(gate) - sentOf(name, gate)],
  ];
  const p50 = (gates: GateEvents[], name: string | undefined, stage: (gate: GateEvents, name: string) => number) =>
    name && gates.length ? median(gates.map((gate) => stage(gate, name)).filter(Number.isFinite)) : Number.NaN;
  const rows = stages.map(([what, stage]) => {
    const [mine, theirs] = [p50(own, 'specforge', stage), p50(raw, floor, stage)];
    return [what, ms(theirs), ms(mine), ms(mine - theirs)];
  });
  const types = [...new Set(own.flatMap((gate) => gate.activities.map((activity) => activity.type)))];
  for (const type of types) {
    const runs = own.flatMap((gate) => gate.activities.filter((activity) => activity.type === type));
    rows.push([
      `activity ${type} (${(runs.length / own.length).toFixed(2)} per gate), median ms`,
      '',
      ms(median(runs.map((activity) => activity.ms))),
      '',
    ]);
  }
  const eventCounts = (gates: GateEvents[]) => {
    const names = [...new Set(gates.flatMap((gate) => Object.keys(gate.events)))].sort();
    return names.map((name) => `${name} ${median(gates.map((gate) => gate.events[name] ?? 0))}`).join(', ');
  };
  rows.push(['other events per gate (median)', eventCounts(raw) || '–', eventCounts(own) || '–', '']);
  const over = median(gateCosts('specforge')) - (floor ? median(gateCosts(floor)) : Number.NaN);
  console.log(
    `\nspecforge's own work per gate over the raw Temporal floor (decision sent → model received, p50, speculation off): **${ms(over)} ms** (goal < 25 ms); ${own.length} gates\n`,
  );
  console.log(markdown(['stage (p50 ms)', 'raw Temporal', 'specforge', 'specforge over raw'], rows));
  printReviewerWait();
}

/** The gates an engine's children read from their histories, of the runs whose key holds `mode`. */
function gatesOf(name: string | undefined, mode: string): GateEvents[] {
  const gates = name ? (reports.get(name) ?? []).flatMap((report) => (report.extra ?? []) as GateEvents[]) : [];
  return gates.filter((gate) => gate.key.includes(mode));
}

/** Where specforge's reviewer wait with speculation goes, from the reviewed run's history. */
function printReviewerWait(): void {
  const gates = gatesOf('specforge', ' review ');
  const run = runsOf('specforge').find((record) => record.mode === 'review');
  if (!gates.length || !run) return;
  const stages: [string, (gate: GateEvents) => number][] = [
    ['approve sent → accepted', (gate) => gate.decided - run.sent[gate.step]!],
    ['→ next phase scheduled', (gate) => gate.scheduled - gate.decided],
    ['→ started', (gate) => gate.started - gate.scheduled],
    ['→ completed (its speculative answer cached)', (gate) => gate.completed - gate.started],
    ['→ ready for review (seen by the driver)', (gate) => run.ready[gate.step]! - gate.completed],
  ];
  const parts = stages.map(([what, stage]) => `${what} ${ms(median(gates.map(stage).filter(Number.isFinite)))}`);
  const calls = gates.map((gate) => model.callsOf(run.key, gate.step + 1)).join(', ');
  console.log(
    `\nspecforge's reviewer wait with speculation, p50 ms over ${gates.length} gates: ${parts.join(', ')}; model calls for each phase reviewed next: ${calls}.`,
  );
}

function markdown(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
