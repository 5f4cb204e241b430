// npm run bench:reopen: after every phase was approved, reopen each phase in turn and count the
// phases asked again and the wall time until the tickets gate, against a full rerun of all eight.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { ArtifactStore } from '../src/activities/artifacts/artifact-store';
import { createActivities } from '../src/activities/create-activities';
import { createFileTarget } from '../src/activities/tickets/file-target';
import { closeSvgRenderer } from '../src/activities/validate/svg-renderer';
import { startSpec } from '../src/runs/start-spec';
import { PHASES, type PhaseName } from '../src/shared/phases';
import type { SpecRequest } from '../src/shared/spec-run';
import { startDevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import { decideUpdate } from '../src/workflows/messages';
import { WORKFLOWS_PATH } from '../src/workers/create-worker';
import { approveToTickets } from './approve-to-tickets';
import { createLatencyGenerator } from './latency-generator';
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

Runtime.install({ logger: new DefaultLogger('ERROR') });
const server = await startDevServer({ cli: await findTemporalCli(), port: 7392 });
const folder = await mkdtemp(path.join(os.tmpdir(), 'specforge-bench-reopen-'));
const bundlePath = path.join(folder, 'bundle.js');
await writeFile(
  bundlePath,
  (await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('ERROR') })).code,
);
const connection = await Connection.connect({ address: server.address });
const client = new Client({ connection });
const workerConnection = await NativeConnection.connect({ address: server.address });
const store = new ArtifactStore(path.join(folder, 'home'), path.join(folder, 'specs'));
const generator = createLatencyGenerator(LATENCY_MS);
const taskQueue = `bench-reopen-${Date.now()}`;
const worker = await Worker.create({
  connection: workerConnection,
  taskQueue,
  workflowBundle: { codePath: bundlePath },
  activities: createActivities({ generator, store, tickets: { file: createFileTarget(store) } }),
});

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
await workerConnection.close();
await connection.close();
await server.stop();
await closeSvgRenderer();
process.exit(0);
