import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PhaseContents } from '../../src/activities/phases/phase-contents';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { createJiraTarget } from '../../src/activities/tickets/jira-target';
import { runLabel } from '../../src/activities/tickets/run-label';
import { startAmendment } from '../../src/runs/start-amendment';
import { startRetry } from '../../src/runs/start-retry';
import type { PhaseName } from '../../src/shared/phases';
import type { SpecRequest, SpecRunStatus } from '../../src/shared/spec-run';
import type { FakeReply } from '../fakes/fake-openai';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeJira } from '../fakes/fake-jira';
import { resultOrFailure } from '../helpers/spec-helpers';
import { addSessionCache, architectureFollowing, startScriptedModel } from '../helpers/scripted-model';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';

const FEATURE = 'Add passwordless login with magic links';
const AMENDMENT = 'No browser client: the mobile app calls the service; keep sessions in a cache';

let stack: TestStack;
let model: Awaited<ReturnType<typeof startScriptedModel>>;
/** Set by a test: the next replies for a phase, before the scripted model's own. */
let faults: Partial<Record<PhaseName, FakeReply>> = {};
beforeAll(async () => {
  stack = await createTestStack();
  // The scripted model follows the amendment: the browser component goes, a session cache comes.
  model = await startScriptedModel((body) => {
    const phase = (/write the (\w+) section/.exec(body.messages[0]!.content)?.[1] ?? '') as PhaseName;
    return faults[phase] ?? { kind: 'content', text: architectureFollowing(body, /No browser client/, withoutBrowser) };
  });
});
afterAll(async () => {
  await model?.openai.close();
  await stack?.close();
});

function withoutBrowser(architecture: PhaseContents['architecture']): void {
  architecture.components = architecture.components.filter((component) => component.id !== 'browser');
  architecture.edges = architecture.edges.filter((edge) => edge.from !== 'browser');
  addSessionCache(architecture);
}

const result = (id: string) => stack.client.workflow.getHandle(id).result() as Promise<SpecRunStatus>;

/** One tracker fake and what the tests read of it: the planned key of each ticket of a lineage. */
interface Tracker {
  tickets: Parameters<TestStack['withWorker']>[2];
  request: SpecRequest['tickets'];
  /** key → how many tickets carry it, and the keys closed as not planned. */
  keys(lineage: string): { open: string[]; closed: string[] };
  creates(): number;
  edits(): number;
  close(): Promise<void>;
}

async function gitHub(): Promise<Tracker> {
  const github = await startFakeGitHub({ token: 'ghp_test_token', repos: ['acme/shop'] });
  const keyOf = (body: string, lineage: string) => {
    const marker = /<!-- specforge:([^:]+):([\w-]+) -->/.exec(body);
    return marker?.[1] === lineage ? marker[2] : undefined;
  };
  return {
    tickets: { github: createGitHubTarget({ token: 'ghp_test_token', baseUrl: github.url, pacing: 'off' }) },
    request: { target: 'github', repo: 'acme/shop', closeRemoved: true },
    keys: (lineage) => {
      const issues = github.issues.get('acme/shop') ?? [];
      const keys = (state: string) =>
        issues.filter((issue) => issue.state === state).flatMap((issue) => keyOf(issue.body, lineage) ?? []);
      return { open: keys('open'), closed: keys('closed') };
    },
    creates: () =>
      github.requests.filter((request) => request.method === 'POST' && request.path === '/repos/acme/shop/issues')
        .length,
    edits: () => github.edits.length,
    close: () => github.close(),
  };
}

async function jira(delayMs: number): Promise<Tracker> {
  const fake = await startFakeJira({
    email: 'bot@example.test',
    apiToken: 'jira-test-token',
    projects: ['SHOP'],
    faults: { delayMs },
  });
  const keyOf = (labels: string[], lineage: string) =>
    labels.find((label) => label.startsWith(`${runLabel(lineage)}-`))?.slice(runLabel(lineage).length + 1);
  return {
    tickets: {
      jira: createJiraTarget({
        host: fake.url,
        email: 'bot@example.test',
        apiToken: 'jira-test-token',
        searchLagMs: 300,
      }),
    },
    request: { target: 'jira', project: 'SHOP', closeRemoved: true },
    keys: (lineage) => {
      const keys = (closed: boolean) =>
        fake.issues
          .filter((issue) => (issue.resolution === "Won't Do") === closed)
          .flatMap((issue) => keyOf(issue.fields.labels, lineage) ?? []);
      return { open: keys(false), closed: keys(true) };
    },
    creates: () =>
      fake.requests.filter((request) => request.method === 'POST' && request.path === '/rest/api/3/issue').length,
    edits: () => fake.edits.length,
    close: () => fake.close(),
  };
}

/** Everything an amendment of the architecture must leave: one ticket per key, the dropped one closed. */
async function expectAmended(tracker: Tracker, first: SpecRunStatus, amended: SpecRunStatus) {
  expect(amended).toMatchObject({ status: 'completed', version: 2, amends: first.id, lineage: first.id });
  const { open, closed } = tracker.keys(first.id);
  expect(open).toHaveLength(new Set(open).size);
  expect(closed).toEqual(['component-browser']);
  expect(open).toContain('component-session-cache');
  expect(amended.ticketChanges).toMatchObject({ created: ['component-session-cache'], closed: ['component-browser'] });
  // Every ticket of the new plan is listed, and the ones it kept or edited are the first run's.
  const firstIds = new Map(first.tickets.map((ticket) => [ticket.key, ticket.id]));
  for (const ticket of amended.tickets)
    if (ticket.key !== 'component-session-cache') expect(ticket.id).toBe(firstIds.get(ticket.key));
  const spec = await readFile(
    path.join(stack.outDir, amended.slug, amended.id, `technical_spec_${amended.slug}.md`),
    'utf8',
  );
  expect(spec).toContain('Changelog');
  expect(spec).toContain(first.id);
}

describe('amending a finished spec', () => {
  it('writes a new version whose tickets on GitHub are created, edited and closed against the first run, once each', async () => {
    const tracker = await gitHub();
    try {
      const first = await stack.withWorker(
        async () => result(await stack.start({ feature: FEATURE, gates: 'none', tickets: tracker.request })),
        model.generator,
        tracker.tickets,
      );
      expect(first.status).toBe('completed');
      const createsBefore = tracker.creates();
      const before = model.openai.requests.length;
      const started = await startAmendment(stack.client, stack.taskQueue, first.id, {
        phase: 'architecture',
        comment: AMENDMENT,
        by: 'ana',
        closeRemoved: true,
      });
      expect(started).toMatchObject({ amends: first.id, version: 2 });
      const amended = await stack.withWorker(() => result(started.id), model.generator, tracker.tickets);
      await expectAmended(tracker, first, amended);
      expect(tracker.creates() - createsBefore).toBe(1);
      // Only the reopened phase and the phases reading it paid for a model call.
      expect(model.callsSince(before)).toEqual({ architecture: 1, testing: 1, rollout: 1, cost: 1 });
      expect(amended.changes?.find((change) => change.reason === 'reopened')).toMatchObject({
        phase: 'architecture',
        by: 'ana',
        comment: AMENDMENT,
      });
    } finally {
      await tracker.close();
    }
  });

  it('brings the Jira tickets in line exactly once when the worker stops mid-amendment and another finishes it', async () => {
    const tracker = await jira(150);
    try {
      const first = await stack.withWorker(
        async () => result(await stack.start({ feature: FEATURE, gates: 'none', tickets: tracker.request })),
        model.generator,
        tracker.tickets,
      );
      const started = await startAmendment(stack.client, stack.taskQueue, first.id, {
        phase: 'architecture',
        comment: AMENDMENT,
        by: 'ana',
        closeRemoved: true,
      });
      const editsBefore = tracker.edits();
      // The first worker stops while the amendment's tickets are being brought in line.
      await stack.withWorker(
        () => waitFor(async () => tracker.edits() > editsBefore || undefined, 'the first ticket edit', 60_000),
        model.generator,
        tracker.tickets,
      );
      expect((await stack.client.workflow.getHandle(started.id).describe()).status.name).toBe('RUNNING');
      const amended = await stack.withWorker(() => result(started.id), model.generator, tracker.tickets);
      await expectAmended(tracker, first, amended);
    } finally {
      await tracker.close();
    }
  });
});

describe('retrying a failed run', () => {
  it('starts from the phase that failed, keeping the approved phases without a model call', async () => {
    faults = { database: { kind: 'status', status: 400, body: { error: { message: 'bad request', type: 'fake' } } } };
    const failed = await stack.withWorker(async () => {
      const id = await stack.start({ feature: FEATURE, gates: 'none' });
      return resultOrFailure(stack.client, id).then(() => id);
    }, model.generator);
    faults = {};
    const before = model.openai.requests.length;
    const retried = await startRetry(stack.client, stack.taskQueue, failed);
    const status = await stack.withWorker(() => result(retried.id), model.generator);
    expect(status).toMatchObject({ status: 'completed', retries: failed, lineage: failed, version: 1 });
    // cost reads no database: it was made beside it and approved before the run failed, so it is kept.
    expect(model.callsSince(before)).toEqual({ database: 1, api: 1, security: 1, testing: 1, rollout: 1 });
    expect(status.phases.find((phase) => phase.name === 'requirements')).toMatchObject({ state: 'approved' });
  });
});
