// Records the history of a gated run (one change request, then approvals) for the replay test.
// Run after changing the workflow on purpose: npm run record-history -- <name>. A name with
// "reopen" in it also reopens the requirements at the api gate, and approves every phase it brings back.
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { ArtifactStore } from '../src/activities/artifacts/artifact-store';
import { createActivities } from '../src/activities/create-activities';
import { createOfflineGenerator } from '../src/activities/llm/offline-generator';
import { createFileTarget } from '../src/activities/tickets/file-target';
import { SPEC_WORKFLOW_TYPE } from '../src/runs/start-spec';
import { PHASES } from '../src/shared/phases';
import { startDevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import { WORKFLOWS_PATH } from '../src/workers/create-worker';
import { decideUpdate, statusQuery } from '../src/workflows/messages';
import type { GateName } from '../src/shared/decision';

Runtime.install({ logger: new DefaultLogger('WARN') });
const server = await startDevServer({ cli: await findTemporalCli(), port: 7299 });
const connection = await Connection.connect({ address: server.address });
const client = new Client({ connection });
const store = new ArtifactStore(
  path.join(os.tmpdir(), 'specforge-record', 'home'),
  path.join(os.tmpdir(), 'specforge-record', 'specs'),
);
const worker = await Worker.create({
  connection: await NativeConnection.connect({ address: server.address }),
  taskQueue: 'record',
  workflowsPath: WORKFLOWS_PATH,
  activities: createActivities({
    generator: createOfflineGenerator(),
    store,
    tickets: { file: createFileTarget(store) },
  }),
});
// The replay test replays under this id: child workflow ids derive from it.
const id = 'spec-recorded-gated-run-00000000';
await client.workflow.start(SPEC_WORKFLOW_TYPE, {
  taskQueue: 'record',
  workflowId: id,
  args: [{ feature: 'Add passwordless login with magic links', gates: 'each' }],
});
const handle = client.workflow.getHandle(id);
const name = process.argv[2] ?? 'gated-run';
const waitForGate = async (phase: GateName, revision: number) => {
  for (;;) {
    const pending = (await handle.query(statusQuery)).pendingApproval;
    if (pending?.phase === phase && pending.revision === revision) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
/** The comment adds a requirement: every phase whose inputs changed comes back, and is approved, until security. */
const reopenRequirements = async () => {
  await waitForGate('security', 1);
  await handle.executeUpdate(decideUpdate, {
    args: [{ phase: 'requirements', action: 'reopen', by: 'ana', comment: 'Links expire after 15 minutes' }],
  });
  for (;;) {
    const pending = (await handle.query(statusQuery)).pendingApproval;
    if (pending?.phase === 'security') return;
    if (pending && pending.revision > 1)
      await handle.executeUpdate(decideUpdate, { args: [{ phase: pending.phase, action: 'approve', by: 'ana' }] });
    else await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
await worker.runUntil(async () => {
  for (const phase of PHASES) {
    while ((await handle.query(statusQuery)).pendingApproval?.phase !== phase)
      await new Promise((resolve) => setTimeout(resolve, 100));
    if (phase === 'architecture') {
      await handle.executeUpdate(decideUpdate, {
        args: [{ phase, action: 'request_changes', by: 'ana', comment: 'Add a rate limiter in front of the service' }],
      });
      while ((await handle.query(statusQuery)).pendingApproval?.revision !== 2)
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await handle.executeUpdate(decideUpdate, { args: [{ phase, action: 'approve', by: 'ana' }] });
    if (phase === 'api' && name.includes('reopen')) await reopenRequirements();
  }
  await handle.result();
});
const history = await handle.fetchHistory();
// Each workflow change that alters commands gets a new file; older ones stay to prove runs in flight still replay.
const file = new URL(`../tests/fixtures/histories/${name}.json`, import.meta.url);
await writeFile(file, historyToJSON(history));
console.log(`Wrote ${history.events?.length} events to ${file.pathname}`);
await connection.close();
await server.stop();
process.exit(0);
