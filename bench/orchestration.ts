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
//   BENCH_POLL_MS            how often Temporal drivers query whether the next step waits (default 10;
//                            BENCH_CONCURRENT_POLL_MS, default 100, while the concurrent runs go)
//   BENCH_DBOS_DATABASE_URL  DBOS's system database; default: bench_dbos on `scripts/cluster.sh postgres` (left running)
// A child's peak RSS is its own; the Temporal dev server (SQLite file) both Temporal engines use is measured apart.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freeLoopbackPort } from '../src/metrics/free-loopback-port';
import { startDevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import type { GateEvents } from './gate-history';
import { median } from './median';
import { percentile } from './percentile';
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
  temporal?: boolean;
  /** Environment of the child; `speculate` only for the reviewed run. */
  env?: (speculate: boolean) => Record<string, string>;
}

const began = performance.now();
const model = await startOrchestrationModel();
const folder = await mkdtemp(path.join(os.tmpdir(), 'specforge-bench-orchestration-'));
const temporalPort = await freeLoopbackPort();
const temporalAddress = `127.0.0.1:${temporalPort}`;
const common = { BENCH_MODEL_URL: model.baseURL, TEMPORAL_ADDRESS: temporalAddress };

const ENGINES: Record<string, EngineSpec> = {
  'plain loop': { script: 'bench/peers/plain-loop.ts' },
  'LangGraph JS 1.7.3, SQLite, durability sync': { script: 'bench/peers/langgraph.ts' },
  'DBOS 5.3.0, PostgreSQL': {
    script: 'bench/peers/dbos.ts',
    env: () => ({ BENCH_DBOS_DATABASE_URL: dbosDatabaseUrl }),
  },
  'raw Temporal TS 1.24': { script: 'bench/peers/raw-temporal.ts', temporal: true },
  specforge: {
    script: 'bench/orchestration-specforge.ts',
    temporal: true,
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

const dbosDatabaseUrl = engines.some((name) => name.startsWith('DBOS')) ? await dbosDatabase() : '';
if (!existsSync(path.join(here, 'peers', 'node_modules'))) {
  console.error('Installing the peers (npm ci --prefix bench/peers)...');
  await promisify(execFile)('npm', ['ci', '--prefix', path.join(here, 'peers')]);
}
const temporalUsed = engines.some((name) => ENGINES[name]!.temporal);
const server = temporalUsed
  ? await startDevServer({ cli: await findTemporalCli(), port: temporalPort, dbFile: path.join(folder, 'temporal.db') })
  : undefined;

const reports = new Map<string, EngineReport[]>();
const serverRssMb = new Map<string, number>();
for (const name of engines) {
  console.error(`${name}: runs decided at once, then ${CONCURRENT.runs} at once...`);
  const scenario: Scenario = {
    engine: slug(name),
    atOnce: LATENCIES.map((latencyMs, index) => ({ latencyMs, runs: RUNS[index] ?? 1 })),
    concurrent: CONCURRENT,
  };
  // The dev server's resident set while this engine ran (the CLI started it as this process's child).
  const serverRss = ENGINES[name]!.temporal ? sampleRss(() => childrenNamed('temporal'), 500) : undefined;
  serverRss?.reset();
  reports.set(
    name,
    [await runChild(name, scenario, false)].filter((report) => report !== undefined),
  );
  if (serverRss) serverRssMb.set(name, serverRss.peak());
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
await model.close();
await server?.stop();
await rm(folder, { recursive: true, force: true });

/** The child's report; undefined (its row then shows dashes) when it failed, which it printed. */
async function runChild(name: string, scenario: Scenario, speculate: boolean): Promise<EngineReport | undefined> {
  const spec = ENGINES[name]!;
  const child = spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', spec.script], {
    cwd: root,
    env: { ...env, ...common, ...spec.env?.(speculate), BENCH_SCENARIO: JSON.stringify(scenario) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  const report = reportIn(output);
  if (!report) console.error(`${name} ended (${code}) without a report:\n${output.slice(-3000)}`);
  return report;
}

/** DBOS's system database on the PostgreSQL of scripts/cluster.sh (DBOS creates it; runs left open are cancelled). */
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

/** Median wall time of the runs decided at once at `latencyMs` (start sent → run ended). */
function wallTime(name: string, latencyMs: number): number {
  const walls = runsOf(name)
    .filter((run) => run.mode === 'once' && run.latencyMs === latencyMs && run.ended !== undefined)
    .map((run) => run.ended! - run.started);
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
    'overhead over the loop, ms (%)',
    'gate p50 / p99 ms (speculation off)',
    `reviewer wait p50 / max ms (L = ${REVIEW.latencyMs / 1000} s, R = ${REVIEW.reviewMs / 1000} s)`,
    `runs per minute, ${CONCURRENT.runs} at once (L = ${CONCURRENT.latencyMs / 1000} s)`,
    'peak RSS MB (+ dev server)',
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
    const peaks = reports.get(name)!.map((report) => report.peakRssMb);
    const rss = peaks.length ? Math.max(...peaks) : Number.NaN;
    const server = serverRssMb.get(name);
    return [
      name === 'specforge' ? `**specforge** (speculation on for the reviewer wait)` : name,
      walls.map(seconds).join(' / '),
      name === loop ? '—' : overhead,
      `${ms(median(gates))} / ${ms(percentile(gates, 99))} (${gates.length} gates)`,
      waits.length ? `${ms(median(waits))} / ${ms(Math.max(...waits))}` : '–',
      `${perMinute.toFixed(1)}${partial}`,
      `${ms(rss)}${server ? ` + ${ms(server)}` : ''}`,
    ];
  });
  console.log(`\n${markdown(header, rows)}`);
  printOwnWork();
  console.log(
    `\n${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; runs decided at once: ${RUNS.join(', ')} at L = ${LATENCIES.join(', ')} ms; gates: decision sent → the model received the next step's call; wall time: start sent → last decision's run ended; ${CONCURRENT.runs} runs at once stopped after ${CONCURRENT.limitMs / 1000} s; the Temporal drivers poll a query every ${env.BENCH_POLL_MS ?? 10} ms (${env.BENCH_CONCURRENT_POLL_MS ?? 100} ms in the concurrent runs); bench took ${Math.round((performance.now() - began) / 1000)} s.`,
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
