import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { planKeys } from '../../src/activities/tickets/ticket-plan';
import { ticketFanOutWorkflow, type TicketFanOutResult } from '../../src/workflows/ticket-fan-out';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeJira } from '../fakes/fake-jira';
import { fortyTicketPlan } from '../helpers/forty-ticket-plan';
import { waitFor } from '../helpers/wait-for';
import { workerProcesses } from '../helpers/worker-process';

const GITHUB_TOKEN = 'ghp_test_not_a_real_token_0000000000';
const JIRA_TOKEN = 'jira-test-not-a-real-token';
const workers = workerProcesses();
afterAll(() => workers.killAll());

/** Runs a 40-ticket fan-out in a worker process, kills it once `killAfter` issues exist, and restarts it. */
async function fanOutWithCrash(
  target: 'github' | 'jira',
  destination: string,
  trackerEnv: Record<string, string>,
  created: () => number,
) {
  const root = await mkdtemp(path.join(os.tmpdir(), `specforge-${target}-`));
  const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
  const specId = `spec-forty-tickets-${target === 'github' ? '0000000a' : '0000000b'}`;
  await store.writeJson(store.runDir(specId), 'ticket-plan.json', fortyTicketPlan(specId));
  const taskQueue = `tickets-${target}-${Date.now()}`;
  const env = {
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: taskQueue,
    SPECFORGE_HOME: store.home,
    SPECFORGE_OUT: store.outDir,
    ...trackerEnv,
  };
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  const client = new Client({ connection });
  try {
    const plan = fortyTicketPlan(specId);
    const handle = await client.workflow.start(ticketFanOutWorkflow, {
      taskQueue,
      workflowId: `${specId}-tickets`,
      args: [{ specId, slug: 'forty-tickets', target, destination, concurrency: 4, ...planKeys(plan) }],
    });
    const first = workers.start(env);
    await waitFor(async () => (created() >= 12 ? true : undefined), '12 tickets before the crash', 60_000);
    first.kill('SIGKILL');
    workers.start(env);
    const result: TicketFanOutResult = await handle.result();
    const history = JSON.stringify(await handle.fetchHistory());
    return { result, history };
  } finally {
    await connection.close();
  }
}

describe('a 40-ticket fan-out with random 429s and a worker killed midway', () => {
  it('creates exactly 40 GitHub issues under one epic, with their links, and no token in history', async () => {
    const github = await startFakeGitHub({
      token: GITHUB_TOKEN,
      repos: ['acme/shop'],
      faults: { rateLimitShare: 0.15, retryAfterSeconds: 1 },
      seed: 3,
    });
    try {
      const { result, history } = await fanOutWithCrash(
        'github',
        'acme/shop',
        { GITHUB_TOKEN, GITHUB_API_URL: github.url, GITHUB_WRITE_PACING: 'off' },
        () => github.issues.get('acme/shop')!.length,
      );
      const issues = github.issues.get('acme/shop')!;
      expect(result.failed).toEqual([]);
      expect(issues).toHaveLength(41);
      const markers = issues.map((issue) => /specforge:[^ ]+:([\w-]+) -->/.exec(issue.body)?.[1]);
      expect(new Set(markers).size).toBe(41);
      const byKey = new Map(issues.map((issue, index) => [markers[index], issue]));
      for (let index = 5; index <= 40; index += 5)
        expect(byKey.get(`t-${index}`)!.body).toContain(`Blocked by #${byKey.get(`t-${index - 1}`)!.number}`);
      const epic = byKey.get('epic')!;
      expect(epic.body.match(/^- \[ \] #\d+/gm)).toHaveLength(40);
      expect(epic.subIssues).toHaveLength(40);
      expect(github.requests.some((request) => request.status === 429)).toBe(true);
      expect(
        result.created.map((ref) => ref.url).every((url) => url.startsWith('https://github.example/acme/shop/issues/')),
      ).toBe(true);
      expect(history).not.toContain(GITHUB_TOKEN);
    } finally {
      await github.close();
    }
  }, 240_000);

  it('creates exactly 40 Jira issues under one Epic, with their links, and no token in history', async () => {
    const jira = await startFakeJira({
      email: 'bot@example.test',
      apiToken: JIRA_TOKEN,
      projects: ['SHOP'],
      faults: { rateLimitShare: 0.15, retryAfterSeconds: 1 },
      seed: 5,
    });
    try {
      const { result, history } = await fanOutWithCrash(
        'jira',
        'SHOP',
        { JIRA_HOST: jira.url, JIRA_EMAIL: 'bot@example.test', JIRA_API_TOKEN: JIRA_TOKEN },
        () => jira.issues.length,
      );
      expect(result.failed).toEqual([]);
      expect(jira.issues).toHaveLength(41);
      const epic = jira.issues.find((issue) => issue.fields.issuetype.name === 'Epic')!;
      expect(jira.issues.filter((issue) => issue.fields.parent?.key === epic.key)).toHaveLength(40);
      const labels = jira.issues.map((issue) => issue.fields.labels.find((label) => /-(epic|t-\d+)$/.test(label)));
      expect(new Set(labels).size).toBe(41);
      expect(jira.links).toHaveLength(8);
      expect(new Set(jira.links.map((link) => `${link.inward}>${link.outward}`)).size).toBe(8);
      expect(jira.requests.some((request) => request.status === 429)).toBe(true);
      expect(history).not.toContain(JIRA_TOKEN);
    } finally {
      await jira.close();
    }
  }, 240_000);
});
