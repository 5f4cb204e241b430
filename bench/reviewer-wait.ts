// npm run bench:reviewer-wait: how long a reviewer waits after approving, with and without speculation.
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSpec } from '../src/runs/start-spec';
import { PHASES } from '../src/shared/phases';
import { decideUpdate, statusQuery } from '../src/workflows/messages';
import { startLatencyStack } from './latency-stack';
import { median } from './median';

const LATENCY_MS = Number(process.env.BENCH_MODEL_LATENCY_MS ?? 2000);
const REVIEW_MS = Number(process.env.BENCH_REVIEW_MS ?? 4000);

const { client, taskQueue, worker, close } = await startLatencyStack('wait', 7394, LATENCY_MS);

/** A reviewer who reads each phase for REVIEW_MS, approves, and waits for the next: those waits, in ms. */
async function reviewerWaits(speculate: boolean): Promise<number[]> {
  const id = await startSpec(client, taskQueue, { feature: 'Export invoices as CSV', gates: 'each', speculate });
  const handle = client.workflow.getHandle(id);
  const waitFor = async (phase: string) => {
    while ((await handle.query(statusQuery)).pendingApproval?.phase !== phase) await sleep(10);
  };
  const waits: number[] = [];
  await waitFor(PHASES[0]);
  for (const [index, phase] of PHASES.entries()) {
    await sleep(REVIEW_MS);
    const sent = performance.now();
    await handle.executeUpdate(decideUpdate, { args: [{ phase, action: 'approve', by: 'bench' }] });
    const next = PHASES[index + 1];
    if (!next) break;
    await waitFor(next);
    waits.push(performance.now() - sent);
  }
  await handle.result();
  return waits;
}

const rows: Record<string, string | number>[] = [];
await worker.runUntil(async () => {
  // Warms the worker (Chromium, the validators) so neither mode pays for it.
  await startSpec(client, taskQueue, { feature: 'Warm up', gates: 'none' }).then((id) =>
    client.workflow.getHandle(id).result(),
  );
  for (const speculate of [false, true]) {
    const waits = await reviewerWaits(speculate);
    const sorted = [...waits].sort((left, right) => left - right);
    rows.push({
      speculation: speculate ? 'on' : 'off',
      'reviewer wait p50 ms': Math.round(median(waits)),
      'max ms': Math.round(sorted.at(-1)!),
      gates: waits.length,
    });
  }
});
console.log(
  `\nReviewer wait: approve sent → next phase ready for review; model latency L = ${LATENCY_MS} ms, review time R = ${REVIEW_MS} ms`,
);
console.table(rows);
console.log(`${os.cpus().length} cores, Node ${process.version}`);
await close();
