// npm run bench:ungated: an ungated run's wall time against the phases' critical path, with a model of fixed latency.
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startSpec } from '../src/runs/start-spec';
import { inputsOf } from '../src/shared/phase-graph';
import { PHASES, type PhaseName } from '../src/shared/phases';
import type { PhaseTiming, SpecRunStatus } from '../src/shared/spec-run';
import { startLatencyStack } from './latency-stack';
import { median } from './median';

const LATENCY_MS = Number(process.env.BENCH_MODEL_LATENCY_MS ?? 1000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);

/** The longest chain of phases each reading the one before: what no schedule can beat. */
function criticalPathLength(): number {
  const depth = new Map<PhaseName, number>();
  for (const phase of PHASES) depth.set(phase, 1 + Math.max(0, ...inputsOf(phase).map((input) => depth.get(input)!)));
  return Math.max(...depth.values());
}

const { client, store, taskQueue, worker, close } = await startLatencyStack('ungated', 7393, LATENCY_MS);

const rows: { runMs: number; phasesMs: number }[] = [];
await worker.runUntil(async () => {
  // One run first, not counted: the worker's first run pays for Chromium and the validators' start.
  for (let repeat = 0; repeat <= REPEATS; repeat += 1) {
    const started = performance.now();
    const id = await startSpec(client, taskQueue, { feature: 'Export invoices as CSV', gates: 'none' });
    const status = (await client.workflow.getHandle(id).result()) as SpecRunStatus;
    const runMs = performance.now() - started;
    const report = JSON.parse(
      await readFile(path.join(store.packDir({ specId: id, slug: status.slug }), `report_${status.slug}.json`), 'utf8'),
    ) as { phases: { timing: PhaseTiming }[] };
    const starts = report.phases.map(({ timing }) => Date.parse(timing.startedAt!));
    const ends = report.phases.map(({ timing }) => Date.parse(timing.finishedAt!));
    if (repeat > 0) rows.push({ runMs, phasesMs: Math.max(...ends) - Math.min(...starts) });
  }
});
const path_ = criticalPathLength();
const phasesMs = median(rows.map((row) => row.phasesMs));
console.log(`\nAn ungated run (gates: none), model latency L = ${LATENCY_MS} ms a call, median of ${REPEATS}`);
console.table([
  {
    'run wall ms': Math.round(median(rows.map((row) => row.runMs))),
    'phases ms (first start to last approval)': Math.round(phasesMs),
    'one after another: 8 x L': PHASES.length * LATENCY_MS,
    [`critical path: ${path_} x L`]: path_ * LATENCY_MS,
    'phases / critical path': (phasesMs / (path_ * LATENCY_MS)).toFixed(2),
  },
]);
console.log(`${os.cpus().length} cores, Node ${process.version}`);
await close();
