import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { ArtifactStore } from '../src/activities/artifacts/artifact-store';
import { createActivities } from '../src/activities/create-activities';
import { createOfflineGenerator } from '../src/activities/llm/offline-generator';
import { createGitHubTarget } from '../src/activities/tickets/github-target';
import { createJiraTarget } from '../src/activities/tickets/jira-target';
import { planKeys } from '../src/activities/tickets/ticket-plan';
import { ticketFanOutWorkflow } from '../src/workflows/ticket-fan-out';
import { startFakeGitHub } from '../tests/fakes/fake-github';
import { startFakeJira } from '../tests/fakes/fake-jira';
import { fortyTicketPlan } from '../tests/helpers/forty-ticket-plan';
import { median } from './median';

/** Wall time of a 40-ticket fan-out (create + links) per target and concurrency, fakes answering after `delayMs`. */
export async function benchFanOut(address: string, workflowBundlePath: string, delayMs: number, repeats: number) {
  const rows: { target: string; concurrency: number; medianMs: number; runs: number[] }[] = [];
  const connection = await Connection.connect({ address });
  const client = new Client({ connection });
  const workerConnection = await NativeConnection.connect({ address });
  for (const target of ['github', 'jira'] as const) {
    for (const concurrency of [1, 4, 8]) {
      const runs: number[] = [];
      for (let repeat = 0; repeat < repeats; repeat += 1) {
        const github = await startFakeGitHub({ token: 'ghp_bench', repos: ['acme/shop'], faults: { delayMs } });
        const jira = await startFakeJira({
          email: 'bench@example.test',
          apiToken: 'jira-bench',
          projects: ['SHOP'],
          faults: { delayMs },
        });
        const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-bench-'));
        const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
        const specId = `spec-bench-${target}-${concurrency}-${repeat}-${Date.now()}`;
        const plan = fortyTicketPlan(specId);
        await store.writeJson(store.runDir(specId), 'ticket-plan.json', plan);
        const taskQueue = `bench-${specId}`;
        const worker = await Worker.create({
          connection: workerConnection,
          taskQueue,
          workflowBundle: { codePath: workflowBundlePath },
          activities: createActivities({
            generator: createOfflineGenerator(),
            store,
            tickets: {
              github: createGitHubTarget({ token: 'ghp_bench', baseUrl: github.url, pacing: 'off' }),
              jira: createJiraTarget({ host: jira.url, email: 'bench@example.test', apiToken: 'jira-bench' }),
            },
          }),
        });
        const started = performance.now();
        await worker.runUntil(
          client.workflow.execute(ticketFanOutWorkflow, {
            taskQueue,
            workflowId: `${specId}-tickets`,
            args: [
              {
                specId,
                slug: 'bench',
                target,
                destination: target === 'github' ? 'acme/shop' : 'SHOP',
                concurrency,
                ...planKeys(plan),
              },
            ],
          }),
        );
        runs.push(performance.now() - started);
        await github.close();
        await jira.close();
      }
      rows.push({ target, concurrency, medianMs: median(runs), runs });
    }
  }
  await workerConnection.close();
  await connection.close();
  return rows;
}
