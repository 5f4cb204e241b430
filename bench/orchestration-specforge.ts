// specforge as one engine of bench/orchestration.ts: its worker, configured from the environment as
// `specforge worker` is (OPENAI_BASE_URL on the fake model), and a client deciding through the decide update.
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { closeSvgRenderer } from '../src/activities/validate/svg-renderer';
import { loadConfig } from '../src/config/load-config';
import { startSettings } from '../src/config/start-settings';
import { startSpec } from '../src/runs/start-spec';
import { PHASES } from '../src/shared/phases';
import { createSpecWorker } from '../src/workers/create-worker';
import { wireActivities } from '../src/workers/wire-activities';
import { decideUpdate, statusQuery } from '../src/workflows/messages';
import { gatesIn, type GateEvents } from './gate-history';
import { driveEngine, pollMs } from './orchestration-driver';

const config = loadConfig();
const address = config.TEMPORAL_ADDRESS!;

Runtime.install({ logger: new DefaultLogger('ERROR') });
const { worker, connection } = await createSpecWorker({
  address,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  activities: wireActivities(config),
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
  const waitFor = async (phase: string) => {
    while ((await handle.query(statusQuery)).pendingApproval?.phase !== phase) await sleep(pollMs());
  };
  await waitFor(PHASES[0]);
  return {
    async approve(step: number) {
      await handle.executeUpdate(decideUpdate, { args: [{ phase: PHASES[step]!, action: 'approve', by: 'bench' }] });
      const next = PHASES[step + 1];
      if (next) return waitFor(next);
      await handle.result();
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
