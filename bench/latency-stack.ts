import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { ArtifactStore } from '../src/activities/artifacts/artifact-store';
import { createActivities } from '../src/activities/create-activities';
import { createFileTarget } from '../src/activities/tickets/file-target';
import { closeSvgRenderer } from '../src/activities/validate/svg-renderer';
import { startDevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import { WORKFLOWS_PATH } from '../src/workers/create-worker';
import { createLatencyGenerator } from './latency-generator';

/**
 * A dev server of the bench's own (on `port`), the workflow bundle built once, a client, a store in
 * a temporary folder and a worker whose model answers after `latencyMs`: what the latency benches share.
 */
export async function startLatencyStack(name: string, port: number, latencyMs: number) {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const server = await startDevServer({ cli: await findTemporalCli(), port });
  const folder = await mkdtemp(path.join(os.tmpdir(), `specforge-bench-${name}-`));
  const bundlePath = path.join(folder, 'bundle.js');
  await writeFile(
    bundlePath,
    (await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('ERROR') })).code,
  );
  const client = new Client({ connection: await Connection.connect({ address: server.address }) });
  const store = new ArtifactStore(path.join(folder, 'home'), path.join(folder, 'specs'));
  const generator = createLatencyGenerator(latencyMs);
  const taskQueue = `bench-${name}-${Date.now()}`;
  const worker = await Worker.create({
    connection: await NativeConnection.connect({ address: server.address }),
    taskQueue,
    workflowBundle: { codePath: bundlePath },
    activities: createActivities({ generator, store, tickets: { file: createFileTarget(store) } }),
  });
  return {
    client,
    store,
    generator,
    taskQueue,
    worker,
    async close(): Promise<never> {
      await closeSvgRenderer();
      await server.stop();
      process.exit(0);
    },
  };
}
