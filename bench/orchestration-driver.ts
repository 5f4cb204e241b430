import { setTimeout as sleep } from 'node:timers/promises';
import { descendants, sampleRss } from './process-rss';

/** A millisecond clock every process on the machine shares, finer than Date.now(). */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * A run's key, written into its feature: every model request of the run names it, and its
 * latency, so one model (bench/orchestration-model.ts) serves all engines and runs at the latency each asked for.
 */
export function runKey(engine: string, mode: string, latencyMs: number, index: number): string {
  return `bench ${engine} ${mode} L${latencyMs} n${index} ${process.pid}-${Date.now()}`;
}

/** Steps per run: specforge's eight phases; the peers name theirs after them (bench/peers/call-model.ts). */
export const STEP_COUNT = 8;

/** One gated run of an engine, as the driver approving its gates sees it. */
export interface GatedRun {
  /** Sends the decision approving `step`; resolves once the next step waits at its gate, or the run has ended after the last. */
  approve(step: number): Promise<void>;
}

/** What each engine's child process gives the driver. */
export interface Engine {
  /** Starts a run whose model calls carry `key` as their feature; resolves once its first step waits at its gate. */
  start(key: string): Promise<GatedRun>;
  /** Anything else the engine measured (specforge: its own work per gate), once every run is done. */
  extra?(): Promise<unknown>;
  close(): Promise<void>;
}

/** What the parent asks a child to run (BENCH_SCENARIO, JSON). */
export interface Scenario {
  engine: string;
  /** Runs one after another, each gate decided at once. */
  atOnce: { latencyMs: number; runs: number }[];
  /** Runs started together, each gate decided at once; stopped after limitMs. */
  concurrent?: { latencyMs: number; runs: number; limitMs: number };
  /** One run whose first `gates` gates are decided after reviewMs each; the run is then left. */
  review?: { latencyMs: number; reviewMs: number; gates: number };
}

export interface RunRecord {
  key: string;
  mode: 'once' | 'concurrent' | 'review';
  latencyMs: number;
  started: number;
  /** Unset: the run did not end (left after its reviewed gates, or past the concurrent limit). */
  ended?: number;
  /** Per gate: when the decision was sent, and when the next step waited at its gate (or the run ended). */
  sent: number[];
  ready: number[];
}

export interface EngineReport {
  engine: string;
  runs: RunRecord[];
  concurrent?: { finished: number; elapsedMs: number };
  /** Peak resident set after the warm-up run, in MiB: this process's own, and the sum over every process it spawned (specforge's Chromium). */
  peakRssMiB: number;
  peakChildrenRssMiB: number;
  extra?: unknown;
}

const REPORT_PREFIX = 'BENCH-REPORT ';
/** How long a driver waits for a step to reach its gate (or a run to end) before it fails the run. */
export const STEP_DEADLINE_MS = 300_000;

/** The driver: runs the scenario the parent sent against `engine` and prints the report on one line. */
export async function driveEngine(engine: Engine): Promise<void> {
  const scenario = JSON.parse(process.env.BENCH_SCENARIO ?? '{}') as Scenario;
  const runs: RunRecord[] = [];
  let concurrent: EngineReport['concurrent'];
  // Warms the engine (connections, caches, specforge's validators) so no measured run pays for it.
  await approveAtOnce(engine, runKey(`${scenario.engine} warm-up`, 'warm-up', 0, 0), 0, 'once');
  const rss = sampleRss(() => [process.pid]);
  const childrenRss = sampleRss(() => descendants(process.pid));
  for (const { latencyMs, runs: count } of scenario.atOnce) {
    for (let index = 0; index < count; index++)
      runs.push(await approveAtOnce(engine, runKey(scenario.engine, 'once', latencyMs, index), latencyMs, 'once'));
  }
  if (scenario.concurrent) {
    const { latencyMs, runs: count, limitMs } = scenario.concurrent;
    const begun = epochNow();
    const records = Array.from({ length: count }, (_, index) => {
      const record = blankRecord(runKey(scenario.engine, 'concurrent', latencyMs, index), 'concurrent', latencyMs);
      const done = approveAtOnce(engine, record.key, latencyMs, 'concurrent', record);
      // A failed run is left out of those that ended, not a reason to lose the others.
      return { record, done: done.catch((error: Error) => console.error(`${record.key}: ${error.message}`)) };
    });
    await Promise.race([Promise.all(records.map(({ done }) => done)), sleep(limitMs)]);
    const finished = records.filter(({ record }) => record.ended !== undefined);
    const last = Math.max(...finished.map(({ record }) => record.ended!), begun);
    concurrent = { finished: finished.length, elapsedMs: finished.length === count ? last - begun : limitMs };
    runs.push(...records.map(({ record }) => record));
  }
  if (scenario.review) runs.push(await reviewSlowly(engine, scenario.engine, scenario.review));
  const extra = await engine.extra?.();
  const report: EngineReport = {
    engine: scenario.engine,
    runs,
    ...(concurrent ? { concurrent } : {}),
    peakRssMiB: rss.peak(),
    peakChildrenRssMiB: childrenRss.peak(),
    ...(extra === undefined ? {} : { extra }),
  };
  console.log(REPORT_PREFIX + JSON.stringify(report));
  await engine.close();
  process.exit(0);
}

/** `work`, or a failure naming `what` once `ms` have passed, so a run that failed never hangs the bench. */
export async function withDeadline<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  const timer = new AbortController();
  const late = sleep(ms, undefined, { signal: timer.signal }).then(() => {
    throw new Error(`${what}: nothing after ${ms / 1000} s`);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    timer.abort();
    late.catch(() => undefined);
  }
}

/** The report a child printed, from its whole output. */
export function reportIn(output: string): EngineReport | undefined {
  const line = output.split('\n').find((text) => text.startsWith(REPORT_PREFIX));
  return line ? (JSON.parse(line.slice(REPORT_PREFIX.length)) as EngineReport) : undefined;
}

function blankRecord(key: string, mode: RunRecord['mode'], latencyMs: number): RunRecord {
  return { key, mode, latencyMs, started: epochNow(), sent: [], ready: [] };
}

async function approveAtOnce(
  engine: Engine,
  key: string,
  latencyMs: number,
  mode: RunRecord['mode'],
  record = blankRecord(key, mode, latencyMs),
): Promise<RunRecord> {
  const run = await engine.start(key);
  for (let step = 0; step < STEP_COUNT; step++) {
    record.sent.push(epochNow());
    await run.approve(step);
    record.ready.push(epochNow());
  }
  record.ended = record.ready.at(-1);
  return record;
}

async function reviewSlowly(engine: Engine, name: string, review: NonNullable<Scenario['review']>): Promise<RunRecord> {
  const record = blankRecord(runKey(name, 'review', review.latencyMs, 0), 'review', review.latencyMs);
  const run = await engine.start(record.key);
  for (let step = 0; step < review.gates; step++) {
    await sleep(review.reviewMs);
    record.sent.push(epochNow());
    await run.approve(step);
    record.ready.push(epochNow());
  }
  return record;
}
