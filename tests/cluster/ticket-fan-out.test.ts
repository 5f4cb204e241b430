import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { planKeys } from '../../src/activities/tickets/ticket-plan';
import { ticketFanOutWorkflow, type TicketFanOutResult } from '../../src/workflows/ticket-fan-out';
import { startFakeGitHub } from '../fakes/fake-github';
import { activityPollers, activityStarts, CLI_WORKER, cluster, clusterClient } from '../helpers/cluster';
import { fortyTicketPlan } from '../helpers/forty-ticket-plan';
import { workerProcesses } from '../helpers/worker-process';

const GITHUB_TOKEN = 'ghp_test_not_a_real_token_0000000000';
const workers = workerProcesses(CLI_WORKER);
afterAll(() => workers.killAll());

it('creates exactly 40 GitHub issues under one epic from two workers, none twice, both creating', async () => {
  const github = await startFakeGitHub({
    token: GITHUB_TOKEN,
    repos: ['acme/shop'],
    faults: { rateLimitShare: 0.15, retryAfterSeconds: 1 },
    seed: 7,
  });
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-cluster-tickets-'));
  const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
  const specId = `spec-forty-tickets-${Date.now().toString(16).slice(-8)}`;
  const plan = fortyTicketPlan(specId);
  await store.writeJson(store.runDir(specId), 'ticket-plan.json', plan);
  const taskQueue = `cluster-tickets-${Date.now()}`;
  const env = {
    TEMPORAL_ADDRESS: cluster.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    SPECFORGE_HOME: store.home,
    SPECFORGE_OUT: store.outDir,
    GITHUB_TOKEN,
    GITHUB_API_URL: github.url,
    GITHUB_WRITE_PACING: 'off',
  };
  const { client, close } = await clusterClient();
  try {
    const pair = [workers.start(env), workers.start(env)];
    // Both polling before the first ticket is scheduled, so each has the chance to take tickets.
    await activityPollers(client, taskQueue, 2);
    const workflowId = `${specId}-tickets`;
    const result: TicketFanOutResult = await client.workflow.execute(ticketFanOutWorkflow, {
      taskQueue,
      workflowId,
      args: [
        {
          specId,
          slug: 'forty-tickets',
          target: 'github',
          destination: 'acme/shop',
          concurrency: 4,
          ...planKeys(plan),
        },
      ],
    });
    expect(result.failed).toEqual([]);
    const issues = github.issues.get('acme/shop')!;
    const markers = issues.map((issue) => /specforge:[^ ]+:([\w-]+) -->/.exec(issue.body)?.[1]);
    expect(markers.filter((marker) => marker?.startsWith('t-'))).toHaveLength(40);
    expect(new Set(markers).size).toBe(issues.length);
    expect(issues).toHaveLength(41);
    const epic = issues[markers.indexOf('epic')]!;
    expect(epic.subIssues).toHaveLength(40);
    // Both workers created tickets: the identities (`pid@host`) Temporal recorded on the creates are the pair's.
    const creators = new Set(
      (await activityStarts(client.workflow.getHandle(workflowId), 'createTicket')).map((start) => start.identity),
    );
    expect([...creators].map((identity) => Number(identity.split('@')[0])).sort()).toEqual(
      pair.map((worker) => worker.pid).sort(),
    );
  } finally {
    await close();
    await github.close();
  }
});
