// The worker of `npm run bench:scale`, in a process of its own so its RSS is its own. It tells the
// bench (over IPC) when a model call starts, a gate opens and a run ends, so the bench never has to
// query a run (a query on an evicted run would replay it and change what is measured).
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { ArtifactStore } from '../src/activities/artifacts/artifact-store';
import { createActivities } from '../src/activities/create-activities';
import { createFileTarget } from '../src/activities/tickets/file-target';
import { closeSvgRenderer } from '../src/activities/validate/svg-renderer';
import { createSpecWorker } from '../src/workers/create-worker';
import { createLatencyGenerator } from './latency-generator';
import type { ScaleWorkerEvent, ScaleWorkerSettings } from './scale-worker-settings';

const settings = JSON.parse(process.env.SCALE_WORKER_SETTINGS!) as ScaleWorkerSettings;
const tell = (event: ScaleWorkerEvent) => process.send?.(event);
const now = () => performance.timeOrigin + performance.now();

Runtime.install({ logger: new DefaultLogger('ERROR') });
const store = new ArtifactStore(path.join(settings.folder, 'home'), path.join(settings.folder, 'specs'));
const latency = createLatencyGenerator(settings.latencyMs);
const activities = createActivities({
  generator: {
    ...latency,
    generate(definition, context, check, progress) {
      tell({ kind: 'model', specId: context.specId, phase: definition.name, at: now() });
      return latency.generate(definition, context, check, progress);
    },
  },
  store,
  tickets: { file: createFileTarget(store) },
});
// Every run event passes through notify (a no-op without a webhook URL): the bench learns of it here.
const { notify } = activities;
activities.notify = async (event) => {
  await notify(event);
  if (event.kind === 'gate_opened') tell({ kind: 'gate', specId: event.specId, phase: event.phase!, at: now() });
  if (event.kind === 'run_finished') tell({ kind: 'finished', specId: event.specId, status: event.status!, at: now() });
};
const { worker, connection } = await createSpecWorker({
  address: settings.address,
  namespace: settings.namespace,
  taskQueue: settings.taskQueue,
  activities,
  workflowBundle: { codePath: settings.bundlePath },
  // null in the settings: the SDK's default.
  tuning: Object.fromEntries(Object.entries(settings.tuning ?? {}).map(([key, value]) => [key, value ?? undefined])),
});
// SIGTERM and the parent's exit can both come: the second finds the worker already draining.
const stop = () => {
  if (worker.getState() === 'RUNNING') worker.shutdown();
};
process.once('SIGTERM', stop);
process.once('disconnect', stop);
// Activities and workflow activations share this event loop: its delay is what a gate waits for.
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
process.on('message', (message) => {
  if (message !== 'loop-delay') return;
  tell({ kind: 'loop-delay', p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 });
  loop.reset();
});
tell({ kind: 'ready', at: now() });
await worker.run();
await connection.close();
await closeSvgRenderer();
process.exit(0);
