// node --import tsx bench/decision-storm.ts: the largest history a decision storm reaches under the run's limits.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { ArtifactStore } from '../src/activities/artifacts/artifact-store';
import { createActivities } from '../src/activities/create-activities';
import type { Generator } from '../src/activities/llm/generator';
import { createOfflineGenerator } from '../src/activities/llm/offline-generator';
import { createFileTarget } from '../src/activities/tickets/file-target';
import { startSpec } from '../src/runs/start-spec';
import { MAX_DECISION_BYTES } from '../src/shared/decision-size';
import { DEFAULT_HISTORY_LIMIT, type SpecRunStatus } from '../src/shared/spec-run';
import { startDevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import { WORKFLOWS_PATH } from '../src/workers/create-worker';
import { decideUpdate, decisionSignal, statusQuery } from '../src/workflows/messages';
import { freePort } from '../tests/helpers/free-port';

/**
 * Decisions sent at once. Above 1, raw signals of this size arrive faster than a workflow task
 * completes, and Temporal fails every task whose buffered events pass 2 MB: the run is starved
 * until Temporal terminates it, whatever the workflow does (see the report of this bench).
 */
const CONCURRENCY = Number(process.env.STORM_CONCURRENCY ?? 1);

Runtime.install({ logger: new DefaultLogger('ERROR') });
const server = await startDevServer({ cli: await findTemporalCli(), port: await freePort() });
const folder = await mkdtemp(path.join(os.tmpdir(), 'specforge-storm-'));
const bundlePath = path.join(folder, 'bundle.js');
await writeFile(
  bundlePath,
  (await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('ERROR') })).code,
);
const client = new Client({ connection: await Connection.connect({ address: server.address }) });
const workerConnection = await NativeConnection.connect({ address: server.address });
const store = new ArtifactStore(path.join(folder, 'home'), path.join(folder, 'specs'));

/** The largest decision the run takes: an edit whose content fails the schema, so the gate refuses it after reading it. */
const maxEdit = (phase: string) => ({
  phase,
  action: 'edit',
  by: 'storm',
  content: { padding: 'x'.repeat(MAX_DECISION_BYTES - 200) },
});

async function withWorker<T>(taskQueue: string, work: () => Promise<T>, generator?: Generator): Promise<T> {
  const worker = await Worker.create({
    connection: workerConnection,
    taskQueue,
    workflowBundle: { codePath: bundlePath },
    activities: createActivities({
      generator: generator ?? createOfflineGenerator(),
      store,
      tickets: { file: createFileTarget(store) },
    }),
  });
  return worker.runUntil(work);
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** Rejected max-size edits at a gate, CONCURRENCY at a time, until the run continues as new. */
async function gateStorm() {
  const taskQueue = `storm-gate-${Date.now()}`;
  const id = await startSpec(client, taskQueue, { feature: 'Add audit log', gates: 'each' });
  const handle = client.workflow.getHandle(id);
  return withWorker(taskQueue, async () => {
    await until(async () => (await handle.query(statusQuery).catch(() => undefined))?.pendingApproval !== undefined);
    const firstRun = (await handle.describe()).runId;
    let sent = 0;
    let refusedAtApi = 0;
    while ((await handle.describe()).runId === firstRun) {
      const answers = await Promise.all(
        Array.from({ length: CONCURRENCY }, () =>
          handle.executeUpdate(decideUpdate, { args: [maxEdit('requirements') as never] }).catch((error) => error),
        ),
      );
      sent += answers.length;
      refusedAtApi += answers.filter((answer) =>
        /continue-as-new|finished/.test(String(answer?.cause?.message)),
      ).length;
    }
    const closed = await client.workflow.getHandle(id, firstRun).describe();
    // The new run answers once it has read its snapshot and reopened the gate.
    let status: SpecRunStatus | undefined;
    await until(
      async () => (status = await handle.query(statusQuery).catch(() => undefined))?.pendingApproval !== undefined,
    );
    await handle.terminate('bench done');
    return {
      scenario: `rejected ${MAX_DECISION_BYTES} B edits at a gate, ${CONCURRENCY} at a time`,
      decisions: sent,
      'history events': closed.historyLength,
      'history bytes': closed.historySize,
      'continued as new': status!.continuedAsNew ?? 0,
      'answered "send again"': refusedAtApi,
      ending: 'CONTINUED_AS_NEW, then went on at the same gate',
    };
  });
}

/** Max-size decisions signalled while a phase generates (nothing reads them), until the run stops itself. */
async function generatingStorm(paced: boolean) {
  const taskQueue = `storm-generating-${Date.now()}`;
  const offline = createOfflineGenerator();
  const held: Generator = {
    provider: offline.provider,
    model: offline.model,
    async generate(definition, context, check, progress) {
      if (definition.name === 'requirements')
        await new Promise((_, reject) => progress?.signal?.addEventListener('abort', () => reject(new Error('stop'))));
      return offline.generate(definition, context, check, progress);
    },
  };
  const id = await startSpec(client, taskQueue, { feature: 'Add audit log', gates: 'each' });
  const handle = client.workflow.getHandle(id);
  return withWorker(
    taskQueue,
    async () => {
      // The storm starts once the phase is generating (its activity in flight).
      await until(async () => ((await handle.describe()).raw.pendingActivities?.length ?? 0) > 0);
      let sent = 0;
      while ((await handle.describe()).status.name === 'RUNNING') {
        await Promise.all(
          Array.from({ length: CONCURRENCY }, () =>
            handle.signal(decisionSignal, maxEdit('requirements') as never).catch(() => undefined),
          ),
        );
        sent += CONCURRENCY;
        // Paced: the next signals go once the worker has answered a query, i.e. taken the last ones in.
        if (paced) await handle.query(statusQuery).catch(() => undefined);
      }
      const closed = await handle.describe();
      const failure = await handle.result().catch((error) => error);

      return {
        scenario: `max-size signals while a phase generates, ${CONCURRENCY} at a time${paced ? ', paced by the worker' : ', flat out'}`,
        decisions: sent,
        'history events': closed.historyLength,
        'history bytes': closed.historySize,
        'continued as new': 0,
        'answered "send again"': 0,
        ending: `${closed.status.name}: ${failure?.cause?.message ?? ''}`,
      };
    },
    held,
  );
}

console.log(
  `Limits: continue as new past ${DEFAULT_HISTORY_LIMIT.events} events or ${DEFAULT_HISTORY_LIMIT.bytes} bytes; decisions capped at ${MAX_DECISION_BYTES} bytes`,
);
const rows = [await gateStorm(), await generatingStorm(true), await generatingStorm(false)];
console.table(rows.map(({ ending: _ending, ...row }) => row));
for (const row of rows) console.log(`${row.scenario}: ${row.ending}`);
await workerConnection.close();
await server.stop();
process.exit(0);
