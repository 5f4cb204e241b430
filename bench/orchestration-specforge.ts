// specforge as one engine of bench/orchestration.ts: its worker, configured from the environment as
// `specforge worker` is (OPENAI_BASE_URL on the fake model), and a client deciding through the decide update.
// BENCH_WORKFLOW_BUNDLE: the workflows bundled by the parent, so no webpack runs (and swells the RSS) here.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { closeSvgRenderer } from '../src/activities/validate/svg-renderer';
import { loadConfig } from '../src/config/load-config';
import { startSettings } from '../src/config/start-settings';
import { startSpec } from '../src/runs/start-spec';
import { PHASES } from '../src/shared/phases';
import { createSpecWorker } from '../src/workers/create-worker';
import { wireActivities } from '../src/workers/wire-activities';
import { decideUpdate } from '../src/workflows/messages';
import { gatesIn, type GateEvents } from './gate-history';
import { driveEngine, STEP_DEADLINE_MS, withDeadline } from './orchestration-driver';

const config = loadConfig();
const address = config.TEMPORAL_ADDRESS!;

/** Runs' events as the worker's notify activity sees them: `<specId> <phase>` once its gate opened. */
const opened = new Set<string>();
const waiters = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
const activities = wireActivities(config);
const { notify } = activities;
// Every gate opened and run finished passes through notify: the driver learns of it at once, as a webhook would.
activities.notify = async (event) => {
  await notify(event);
  const key = `${event.specId} ${event.phase}`;
  if (event.kind === 'gate_opened') {
    opened.add(key);
    waiters.get(key)?.resolve();
  }
  if (event.kind === 'run_finished' && event.status !== 'completed') {
    for (const [waited, waiter] of waiters)
      if (waited.startsWith(`${event.specId} `)) waiter.reject(new Error(`${event.specId} ${event.status}`));
  }
};
const gateOpened = (specId: string, phase: string) =>
  withDeadline(
    `${specId}, gate ${phase}`,
    STEP_DEADLINE_MS,
    new Promise<void>((resolve, reject) => {
      const key = `${specId} ${phase}`;
      if (opened.has(key)) return resolve();
      waiters.set(key, { resolve, reject });
    }),
  );

Runtime.install({ logger: new DefaultLogger('ERROR') });
const { worker, connection } = await createSpecWorker({
  address,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  activities,
  ...(process.env.BENCH_WORKFLOW_BUNDLE ? { workflowBundle: { codePath: process.env.BENCH_WORKFLOW_BUNDLE } } : {}),
});
const running = worker.run();
const client = new Client({ connection: await Connection.connect({ address }), namespace: config.TEMPORAL_NAMESPACE });
const settings = startSettings(config);
/** Runs decided at once that ended, and the reviewed run: their histories itemise specforge's work per gate. */
const measured: { id: string; key: string }[] = [];

async function start(key: string) {
  const id = await startSpec(client, config.TEMPORAL_TASK_QUEUE, { feature: key, gates: 'each' }, settings);
  const handle = client.workflow.getHandle(id);
  if (key.includes(' review ')) measured.push({ id, key });
  await gateOpened(id, PHASES[0]);
  return {
    async approve(step: number) {
      await handle.executeUpdate(decideUpdate, { args: [{ phase: PHASES[step]!, action: 'approve', by: 'bench' }] });
      const next = PHASES[step + 1];
      if (next) return gateOpened(id, next);
      await withDeadline(`${id}, its end`, STEP_DEADLINE_MS, handle.result());
      if (key.includes(' once ')) measured.push({ id, key });
    },
  };
}

/** Each gate of the measured runs, read from their histories: decision accepted → next phase done. */
async function gateEvents(): Promise<GateEvents[]> {
  const gates: GateEvents[] = [];
  for (const { id, key } of measured) {
    const { events } = await client.workflow.getHandle(id).fetchHistory();
    gates.push(
      ...gatesIn(
        key,
        events ?? [],
        (event) => Boolean(event.workflowExecutionUpdateAcceptedEventAttributes),
        (type) => /^generate[A-Z]/.test(type),
      ),
    );
  }
  return gates;
}

await driveEngine({
  start,
  extra: gateEvents,
  async close() {
    worker.shutdown();
    await running;
    await connection.close();
    await closeSvgRenderer();
  },
});
