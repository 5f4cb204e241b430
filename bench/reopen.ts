// npm run bench:reopen: after every phase was approved, reopen each phase in turn and count the
// phases asked again and the wall time until the tickets gate, against a full rerun of all eight.
import os from 'node:os';
import { startSpec } from '../src/runs/start-spec';
import { PHASES, type PhaseName } from '../src/shared/phases';
import type { SpecRequest } from '../src/shared/spec-run';
import { decideUpdate } from '../src/workflows/messages';
import { approveToTickets } from './approve-to-tickets';
import { startLatencyStack } from './latency-stack';
import { median } from './median';
import { RESTRUCTURE_MARKER } from './restructure';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 1);
const LATENCY_MS = Number(process.env.BENCH_MODEL_LATENCY_MS ?? 1000);
const REQUEST: SpecRequest = {
  feature: 'Export invoices to CSV for the finance team',
  gates: 'each',
  tickets: { target: 'file', review: true },
};
const COMMENTS = {
  content: `${RESTRUCTURE_MARKER} Split the phase differently`,
  prose: 'Say more plainly why this phase is shaped as it is',
} as const;
type CommentKind = keyof typeof COMMENTS;

interface Reopened {
  regenerated: number;
  kept: number;
  wallMs: number;
}

const { client, generator, taskQueue, worker, close } = await startLatencyStack('reopen', 7392, LATENCY_MS);

const fullRuns: number[] = [];
const reopens = new Map<string, Reopened[]>();
await worker.runUntil(async () => {
  for (let repeat = 0; repeat < REPEATS; repeat += 1) {
    // Every scenario needs a run with all eight phases approved: made side by side (which warms the
    // worker for the full rerun too), then measured one at a time, alone on the worker.
    const scenarios = PHASES.flatMap((phase) => (['content', 'prose'] as const).map((kind) => ({ phase, kind })));
    const ids = await Promise.all(
      scenarios.map(async () => {
        const prepared = await startSpec(client, taskQueue, REQUEST);
        await approveToTickets(client, prepared, PHASES.length);
        return prepared;
      }),
    );
    const started = performance.now();
    const full = await startSpec(client, taskQueue, REQUEST);
    await approveToTickets(client, full, PHASES.length);
    fullRuns.push(performance.now() - started);
    for (const [index, { phase, kind }] of scenarios.entries()) {
      const key = `${phase}/${kind}`;
      reopens.set(key, [...(reopens.get(key) ?? []), await reopen(ids[index]!, phase, kind)]);
    }
    for (const id of [...ids, full]) await client.workflow.getHandle(id).terminate('bench done');
  }
});

async function reopen(id: string, phase: PhaseName, kind: CommentKind): Promise<Reopened> {
  const before = generator.callsOf(id);
  const started = performance.now();
  await client.workflow
    .getHandle(id)
    .executeUpdate(decideUpdate, { args: [{ phase, action: 'reopen', by: 'bench', comment: COMMENTS[kind] }] });
  const status = await approveToTickets(client, id, 1);
  const wallMs = performance.now() - started;
  const after = generator.callsOf(id);
  return {
    regenerated: PHASES.filter((name) => (after[name] ?? 0) > (before[name] ?? 0)).length,
    kept: (status.changes ?? []).filter((change) => change.reason === 'kept').length,
    wallMs,
  };
}

const fullMs = median(fullRuns);
const of = (phase: PhaseName, kind: CommentKind) => {
  const runs = reopens.get(`${phase}/${kind}`)!;
  return {
    regenerated: median(runs.map((run) => run.regenerated)),
    kept: median(runs.map((run) => run.kept)),
    wallMs: median(runs.map((run) => run.wallMs)),
  };
};
console.log(
  `\nReopen one phase at the tickets gate after all ${PHASES.length} were approved (gates: each, every gate approved as it opens), until the tickets gate again; median of ${REPEATS}`,
);
console.table([
  ...PHASES.map((phase) => {
    const content = of(phase, 'content');
    const prose = of(phase, 'prose');
    return {
      'phase reopened': phase,
      'regenerated (content change)': content.regenerated,
      kept: content.kept,
      'wall ms': Math.round(content.wallMs),
      'regenerated (prose only)': prose.regenerated,
      'kept (prose only)': prose.kept,
      'wall ms (prose only)': Math.round(prose.wallMs),
    };
  }),
  { 'phase reopened': 'full rerun', 'regenerated (content change)': PHASES.length, 'wall ms': Math.round(fullMs) },
]);
console.log(
  `model latency L = ${LATENCY_MS} ms a call; ${os.cpus().length} cores, Node ${process.version}; full rerun ${Math.round(fullMs)} ms`,
);
console.log(
  `wall time / full rerun (content change, prose only): ${PHASES.map(
    (phase) =>
      `${phase} ${(of(phase, 'content').wallMs / fullMs).toFixed(2)}, ${(of(phase, 'prose').wallMs / fullMs).toFixed(2)}`,
  ).join('; ')}`,
);
await close();
