import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { ticketFanOutWorkflow } from '../../src/workflows/ticket-fan-out';
import { startFakeGitHub } from '../fakes/fake-github';
import { fortyTicketPlan } from '../helpers/forty-ticket-plan';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

it('lists the tickets that exist when a run is cancelled mid-creation, and closes them when asked', async () => {
  // Every other create is slow, so the two lanes are out of step when the cancel arrives: one has a
  // ticket in flight while the other's settles, and the list of what exists must wait for it.
  const github = await startFakeGitHub({
    token: 'ghp_test_token',
    repos: ['acme/shop'],
    faults: { delayMs: 100 },
    createDelayMs: (index) => (index % 2 === 1 ? 1_500 : 0),
  });
  try {
    const specId = 'spec-cancelled-tickets-0000000c';
    const plan = fortyTicketPlan(specId);
    await stack.store.writeJson(stack.store.runDir(specId), 'ticket-plan.json', plan);
    const target = createGitHubTarget({ token: 'ghp_test_token', baseUrl: github.url, pacing: 'off' });
    const index = await stack.withWorker(
      async () => {
        const handle = await stack.client.workflow.start(ticketFanOutWorkflow, {
          taskQueue: stack.taskQueue,
          workflowId: `${specId}-tickets`,
          args: [
            {
              specId,
              slug: 'cancelled',
              target: 'github',
              destination: 'acme/shop',
              concurrency: 2,
              closeOnCancel: true,
              keys: plan.tickets.map((ticket) => ticket.key),
              dependencies: {},
            },
          ],
        });
        await waitFor(async () => (github.issues.get('acme/shop')!.length >= 6 ? true : undefined), 'six issues');
        await handle.cancel();
        await expect(handle.result()).rejects.toThrow();
        return JSON.parse(
          await readFile(
            path.join(stack.store.packDir({ specId, slug: 'cancelled' }), 'tickets_cancelled.json'),
            'utf8',
          ),
        );
      },
      undefined,
      { github: target },
    );
    const issues = github.issues.get('acme/shop')!;
    expect(issues.length).toBeLessThan(41);
    expect(index.cancelled).toEqual({ closed: true });
    expect(index.created.map((ref: { id: string }) => Number(ref.id)).sort((a: number, b: number) => a - b)).toEqual(
      issues.map((issue) => issue.number),
    );
    expect(issues.every((issue) => issue.state === 'closed' && issue.state_reason === 'not_planned')).toBe(true);
  } finally {
    await github.close();
  }
});
