import type { Client } from '@temporalio/client';
import { Gauge, type Registry } from 'prom-client';
import { TICKETS_GATE, type GateName } from '../shared/decision';
import { PHASES } from '../shared/phases';
import type { SpecStatus } from '../shared/spec-run';
import { SPEC_WORKFLOW_TYPE } from '../runs/start-spec';
import { withTemporalDeadline } from '../runs/temporal-deadline';

/** Scrapes closer together than this share one set of counts: each scrape costs Temporal one count per gate. */
export const RUNS_WAITING_CACHE_MS = 5_000;

const GATES: readonly GateName[] = [...PHASES, TICKETS_GATE];
const AWAITING: SpecStatus = 'awaiting_approval';

/**
 * `specforge_runs_waiting{phase}`: open runs on this task queue waiting for a decision at each
 * gate, counted in Temporal visibility when scraped. A run parked at a gate for days records no gate-wait sample
 * until it is decided, so this is what shows a pile-up. While Temporal does not answer within
 * the read deadline the family has no samples (a stale count would look true), and the scrape
 * still completes.
 */
export function runsWaitingGauge(
  registry: Registry,
  client: Client,
  taskQueue: string,
  now: () => number = Date.now,
): void {
  let cached: { at: number; counts: Promise<Map<GateName, number>> } | undefined;
  new Gauge({
    name: 'specforge_runs_waiting',
    help: 'Open runs waiting for a decision at a gate, by phase (Temporal visibility, counted at scrape time)',
    labelNames: ['phase'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      if (!cached || now() - cached.at >= RUNS_WAITING_CACHE_MS)
        cached = { at: now(), counts: countWaiting(client, taskQueue) };
      const counts = await cached.counts.catch(() => undefined);
      if (!counts) {
        // The next scrape asks again rather than repeating the failure for the cache's lifetime.
        cached = undefined;
        return;
      }
      for (const [phase, count] of counts) this.set({ phase }, count);
    },
  });
}

async function countWaiting(client: Client, taskQueue: string): Promise<Map<GateName, number>> {
  const counts = await withTemporalDeadline(client, () =>
    Promise.all(GATES.map((gate) => client.workflow.count(waitingQuery(taskQueue, gate)))),
  );
  return new Map(GATES.map((gate, index) => [gate, counts[index]?.count ?? 0]));
}

/**
 * The runs this deployment started (its task queue), not every specforge on the namespace. Gate
 * names and the status are specforge's own constants; the task queue is configuration, quoted.
 */
function waitingQuery(taskQueue: string, gate: GateName): string {
  return [
    `WorkflowType = '${SPEC_WORKFLOW_TYPE}'`,
    `TaskQueue = '${taskQueue.replace(/['\\]/g, '\\$&')}'`,
    `ExecutionStatus = 'Running'`,
    `SpecStatus = '${AWAITING}'`,
    `SpecPhase = '${gate}'`,
  ].join(' AND ');
}
