// A worker and a client for the minimal Temporal workflow, on a dev server of its own.
// BENCH_WORKFLOW_BUNDLE: the workflow bundled by the parent, so no webpack runs (and swells the RSS) here.
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { gatesIn } from '../gate-history';
import { driveEngine, STEP_DEADLINE_MS, withDeadline } from '../orchestration-driver';
import { callModel, STEPS } from './call-model';
import { approveUpdate, gateUpdate } from './raw-temporal-workflow';

const address = process.env.TEMPORAL_ADDRESS!;
const taskQueue = `bench-raw-${process.pid}`;

Runtime.install({ logger: new DefaultLogger('ERROR') });
const worker = await Worker.create({
  connection: await NativeConnection.connect({ address }),
  taskQueue,
  workflowBundle: { codePath: process.env.BENCH_WORKFLOW_BUNDLE! },
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
  // A run that failed fails the update too; the deadline covers a run that is stuck.
  const waitAt = (step: number) =>
    withDeadline(`${key}, gate ${step}`, STEP_DEADLINE_MS, handle.executeUpdate(gateUpdate, { args: [step] }));
  await waitAt(0);
  return {
    async approve(step: number) {
      await handle.executeUpdate(approveUpdate, { args: [step] });
      if (step + 1 < STEPS.length) return waitAt(step + 1);
      await withDeadline(`${key}, its end`, STEP_DEADLINE_MS, handle.result());
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
        // The approvals only: the driver's gate updates are accepted in between.
        (event) => event.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === 'approve',
        (type) => type === 'callStep',
      ),
    );
  },
  async close() {
    worker.shutdown();
    await running;
  },
});
