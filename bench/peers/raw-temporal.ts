// A worker and a client for the minimal Temporal workflow, on the dev server specforge's worker uses.
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { gatesIn } from '../gate-history';
import { driveEngine, pollMs } from '../orchestration-driver';
import { callModel, STEPS } from './call-model';
import { approveUpdate, gateQuery } from './raw-temporal-workflow';

const address = process.env.TEMPORAL_ADDRESS!;
const taskQueue = `bench-raw-${process.pid}`;

Runtime.install({ logger: new DefaultLogger('ERROR') });
const worker = await Worker.create({
  connection: await NativeConnection.connect({ address }),
  taskQueue,
  workflowsPath: fileURLToPath(new URL('./raw-temporal-workflow.ts', import.meta.url)),
  activities: { callStep: callModel },
});
const running = worker.run();
const client = new Client({ connection: await Connection.connect({ address }) });
/** Runs decided at once that ended: their histories give the floor of a gate (update accepted → next activity scheduled). */
const decidedAtOnce: { id: string; key: string }[] = [];

async function start(key: string) {
  const handle = await client.workflow.start('gatedPipeline', {
    taskQueue,
    workflowId: key.replaceAll(' ', '-'),
    args: [key, STEPS.length],
  });
  const waitAt = async (step: number) => {
    while ((await handle.query(gateQuery)) < step) await sleep(pollMs());
  };
  await waitAt(0);
  return {
    async approve(step: number) {
      await handle.executeUpdate(approveUpdate, { args: [step] });
      if (step + 1 < STEPS.length) return waitAt(step + 1);
      await handle.result();
      if (key.includes(' once ')) decidedAtOnce.push({ id: handle.workflowId, key });
    },
  };
}

await driveEngine({
  start,
  async extra() {
    const histories = await Promise.all(
      decidedAtOnce.map(async ({ id, key }) => ({ key, ...(await client.workflow.getHandle(id).fetchHistory()) })),
    );
    return histories.flatMap(({ key, events }) =>
      gatesIn(
        key,
        events ?? [],
        (event) => Boolean(event.workflowExecutionUpdateAcceptedEventAttributes),
        (type) => type === 'callStep',
      ),
    );
  },
  async close() {
    worker.shutdown();
    await running;
  },
});
