import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { createJiraTarget } from '../../src/activities/tickets/jira-target';
import { runLabel } from '../../src/activities/tickets/run-label';
import type { TicketPlan } from '../../src/activities/tickets/ticket-plan';
import type { TicketTarget } from '../../src/activities/tickets/ticket-target';
import type { TicketRef } from '../../src/shared/spec-run';
import { ticketFanOutWorkflow, type TicketFanOutInput } from '../../src/workflows/ticket-fan-out';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeJira } from '../fakes/fake-jira';
import { fortyTicketPlan } from '../helpers/forty-ticket-plan';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

const SLUG = 'shop';
const NEW_TITLE = 'Ticket 2, with single sign-on';

/** The first run's six tickets (t-5 waits for t-4). */
function firstPlan(specId: string): TicketPlan {
  const plan = fortyTicketPlan(specId);
  plan.tickets = plan.tickets.slice(0, 6);
  return plan;
}

/** The amendment's plan: t-2 retitled, t-6 dropped, t-7 new; the rest as before. */
function amendedPlan(specId: string): TicketPlan {
  const plan = firstPlan(specId);
  plan.tickets = [...plan.tickets.filter((ticket) => ticket.key !== 't-6'), fortyTicketPlan(specId).tickets[6]!];
  plan.tickets[1]!.title = NEW_TITLE;
  return plan;
}

/** One tracker fake, read the same way for GitHub and Jira; ids are what the TicketRefs carry. */
interface Tracker {
  name: 'github' | 'jira';
  destination: string;
  /** A fresh client, as a restarted worker has: nothing cached of the tickets it made. */
  target(): TicketTarget;
  /** The planned key of every ticket in the tracker whose marker belongs to `lineage`. */
  keys(lineage: string): string[];
  titleOf(id: string): string | undefined;
  /** Requests that create a ticket. */
  creates(): number;
  /** Tickets whose title was edited, once per edit. */
  retitled(): string[];
  closedNotPlanned(): string[];
  close(): Promise<void>;
}

async function gitHubTracker(delayMs = 0): Promise<Tracker> {
  const github = await startFakeGitHub({ token: 'ghp_test_token', repos: ['acme/shop'], faults: { delayMs } });
  const issues = () => github.issues.get('acme/shop')!;
  return {
    name: 'github',
    destination: 'acme/shop',
    target: () => createGitHubTarget({ token: 'ghp_test_token', baseUrl: github.url, pacing: 'off' }),
    keys: (lineage) =>
      issues().flatMap((issue) => {
        const marker = /<!-- specforge:([^:]+):([\w-]+) -->/.exec(issue.body);
        return marker?.[1] === lineage ? [marker[2]!] : [];
      }),
    titleOf: (id) => issues().find((issue) => String(issue.number) === id)?.title,
    creates: () =>
      github.requests.filter((request) => request.method === 'POST' && request.path === '/repos/acme/shop/issues')
        .length,
    retitled: () => github.edits.filter((edit) => 'title' in edit.fields).map((edit) => String(edit.number)),
    closedNotPlanned: () =>
      issues()
        .filter((issue) => issue.state === 'closed' && issue.state_reason === 'not_planned')
        .map((issue) => String(issue.number)),
    close: () => github.close(),
  };
}

async function jiraTracker(delayMs = 0): Promise<Tracker> {
  const jira = await startFakeJira({
    email: 'bot@example.test',
    apiToken: 'jira-test-token',
    projects: ['SHOP'],
    faults: { delayMs },
  });
  return {
    name: 'jira',
    destination: 'SHOP',
    target: () =>
      createJiraTarget({ host: jira.url, email: 'bot@example.test', apiToken: 'jira-test-token', searchLagMs: 300 }),
    keys: (lineage) =>
      jira.issues.flatMap((issue) => {
        const own = issue.fields.labels.find((label) => label.startsWith(`${runLabel(lineage)}-`));
        return own ? [own.slice(runLabel(lineage).length + 1)] : [];
      }),
    titleOf: (id) => jira.issues.find((issue) => issue.key === id)?.fields.summary,
    creates: () =>
      jira.requests.filter((request) => request.method === 'POST' && request.path === '/rest/api/3/issue').length,
    retitled: () => jira.edits.filter((edit) => 'summary' in edit.fields).map((edit) => edit.key),
    closedNotPlanned: () => jira.issues.filter((issue) => issue.resolution === "Won't Do").map((issue) => issue.key),
    close: () => jira.close(),
  };
}

/** The fan-out's input for `plan`, stored where the activities read it. */
async function fanOutInput(
  plan: TicketPlan,
  tracker: { name: TicketTarget['name']; destination?: string },
  extra: Partial<TicketFanOutInput> = {},
): Promise<TicketFanOutInput> {
  await stack.store.writeJson(stack.store.runDir(plan.specId), 'ticket-plan.json', plan);
  return {
    specId: plan.specId,
    slug: SLUG,
    target: tracker.name,
    destination: tracker.destination,
    concurrency: 2,
    keys: plan.tickets.map((ticket) => ticket.key),
    dependencies: Object.fromEntries(plan.tickets.map((ticket) => [ticket.key, ticket.dependsOn])),
    ...extra,
  };
}

/** Runs the fan-out to its end; the stack's worker always has the file target. */
const execute = (input: TicketFanOutInput, tracker?: Tracker) =>
  stack.withWorker(
    () =>
      stack.client.workflow.execute(ticketFanOutWorkflow, {
        taskQueue: stack.taskQueue,
        workflowId: `${input.specId}-tickets`,
        args: [input],
      }),
    undefined,
    tracker ? { [tracker.name]: tracker.target() } : {},
  );

/** Runs the first run's fan-out; returns its tickets by key. */
async function firstRun(lineage: string, tracker: Tracker): Promise<Map<string, TicketRef>> {
  const result = await execute(await fanOutInput(firstPlan(lineage), tracker), tracker);
  expect(result.failed).toEqual([]);
  expect(tracker.keys(lineage).sort()).toEqual(['epic', 't-1', 't-2', 't-3', 't-4', 't-5', 't-6']);
  return new Map(result.created.map((ref) => [ref.key, ref]));
}

/** The amendment's fan-out input: keyed by the first run's lineage, closing what its plan dropped. */
const amendmentInput = (lineage: string, specId: string, tracker: Parameters<typeof fanOutInput>[1]) =>
  fanOutInput(amendedPlan(specId), tracker, {
    lineage,
    amends: { specId: lineage, slug: SLUG, closeRemoved: true },
  });

/** Everything an amendment must leave behind, whatever happened to the workers on the way. */
function expectAmended(tracker: Tracker, lineage: string, before: Map<string, TicketRef>) {
  const keys = tracker.keys(lineage);
  expect(keys).toHaveLength(new Set(keys).size);
  expect(keys.sort()).toEqual(['epic', 't-1', 't-2', 't-3', 't-4', 't-5', 't-6', 't-7']);
  expect(new Set(tracker.retitled())).toEqual(new Set([before.get('t-2')!.id]));
  expect(tracker.titleOf(before.get('t-2')!.id)).toBe(NEW_TITLE);
  expect(tracker.closedNotPlanned()).toEqual([before.get('t-6')!.id]);
}

const EXPECTED_CHANGES = {
  created: ['t-7'],
  updated: ['t-2'],
  unchanged: ['epic', 't-1', 't-3', 't-4', 't-5'],
  closed: ['t-6'],
  leftOpen: [],
};

describe.each([
  ['GitHub', gitHubTracker],
  ['Jira', jiraTracker],
])('an amendment’s tickets on %s', (_name, startTracker) => {
  it('creates the new ticket, edits the changed one and closes the dropped one, each once', async () => {
    const tracker = await startTracker();
    try {
      const lineage = `spec-amend-${tracker.name}-first-00000021`;
      const specId = `spec-amend-${tracker.name}-second-00000022`;
      const before = await firstRun(lineage, tracker);
      const createsBefore = tracker.creates();
      const result = await execute(await amendmentInput(lineage, specId, tracker), tracker);
      expect(result.failed).toEqual([]);
      expect(result.changes).toEqual(EXPECTED_CHANGES);
      expectAmended(tracker, lineage, before);
      expect(tracker.creates() - createsBefore).toBe(1);
      expect(tracker.retitled()).toHaveLength(1);
      // Every ticket of the new plan is listed; the ones it kept or edited are the first run's.
      const created = new Map(result.created.map((ref) => [ref.key, ref]));
      expect([...created.keys()].sort()).toEqual(['epic', 't-1', 't-2', 't-3', 't-4', 't-5', 't-7']);
      for (const key of ['epic', 't-1', 't-2', 't-3', 't-4', 't-5'])
        expect(created.get(key)!.id).toBe(before.get(key)!.id);
      expect(created.get('t-2')!.title).toBe(NEW_TITLE);
      const index = JSON.parse(
        await readFile(path.join(stack.store.packDir({ specId, slug: SLUG }), `tickets_${SLUG}.json`), 'utf8'),
      );
      expect(index.changes).toEqual(EXPECTED_CHANGES);
      expect(index.created).toHaveLength(7);
    } finally {
      await tracker.close();
    }
  });

  it('duplicates nothing when the worker stops mid-amendment and another takes over', async () => {
    // Slow replies keep the amendment under way when the first worker stops.
    const tracker = await startTracker(150);
    try {
      const lineage = `spec-amend-${tracker.name}-first-00000023`;
      const specId = `spec-amend-${tracker.name}-second-00000024`;
      const before = await firstRun(lineage, tracker);
      const input = await amendmentInput(lineage, specId, tracker);
      const handle = await stack.withWorker(
        async () => {
          const started = await stack.client.workflow.start(ticketFanOutWorkflow, {
            taskQueue: stack.taskQueue,
            workflowId: `${specId}-tickets`,
            args: [input],
          });
          await waitFor(async () => (tracker.retitled().length > 0 ? true : undefined), 'the edit of t-2');
          return started;
        },
        undefined,
        { [tracker.name]: tracker.target() },
      );
      expect((await handle.describe()).status.name).toBe('RUNNING');
      const result = await stack.withWorker(() => handle.result(), undefined, { [tracker.name]: tracker.target() });
      expect(result.failed).toEqual([]);
      expect(result.changes).toEqual(EXPECTED_CHANGES);
      expectAmended(tracker, lineage, before);
    } finally {
      await tracker.close();
    }
  });
});

it('on the file target, writes every ticket of the new plan into the amendment’s own pack', async () => {
  const lineage = 'spec-amend-file-first-00000027';
  const specId = 'spec-amend-file-second-00000028';
  const file = { name: 'file' as const };
  await execute(await fanOutInput(firstPlan(lineage), file));
  const result = await execute(await amendmentInput(lineage, specId, file));
  expect(result.changes).toEqual(EXPECTED_CHANGES);
  const tickets = path.join(stack.store.packDir({ specId, slug: SLUG }), 'tickets');
  expect((await readdir(tickets)).sort()).toEqual([
    'epic.md',
    't-1.md',
    't-2.md',
    't-3.md',
    't-4.md',
    't-5.md',
    't-7.md',
  ]);
  expect(await readFile(path.join(tickets, 't-2.md'), 'utf8')).toMatch(new RegExp(`^# ${NEW_TITLE}`));
  expect(await readFile(path.join(tickets, 't-3.md'), 'utf8')).toContain(`specforge:${lineage}:t-3`);
  // The amended version's pack stays as it was released.
  const released = path.join(stack.store.packDir({ specId: lineage, slug: SLUG }), 'tickets');
  expect(await readdir(released)).toHaveLength(7);
  expect(await readFile(path.join(released, 't-2.md'), 'utf8')).toMatch(/^# Ticket 2\n/);
});

it('a retry keyed by the failed run’s lineage finds the tickets it made and creates none', async () => {
  const tracker = await gitHubTracker();
  try {
    const lineage = 'spec-retry-first-00000029';
    const before = await firstRun(lineage, tracker);
    const createsBefore = tracker.creates();
    const result = await execute(
      await fanOutInput(firstPlan('spec-retry-second-0000002a'), tracker, { lineage }),
      tracker,
    );
    expect(tracker.creates()).toBe(createsBefore);
    expect(result.changes).toBeUndefined();
    expect(result.created.map((ref) => `${ref.key}=${ref.id}`).sort()).toEqual(
      [...before.values()].map((ref) => `${ref.key}=${ref.id}`).sort(),
    );
  } finally {
    await tracker.close();
  }
});
