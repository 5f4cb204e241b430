import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketPlan } from '../../src/activities/tickets/ticket-plan';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate } from '../../src/workflows/messages';
import { waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { FailureType } from '../../src/shared/failure-types';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

const FEATURE = 'Schedule recurring report emails';
const slug = 'schedule-recurring-report-emails';

describe('the tickets gate', () => {
  it('shows the plan before creating anything and creates the edited plan', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'none', tickets: { target: 'file', review: true } });
    const handle = stack.client.workflow.getHandle(id);
    const status = await stack.withWorker(async () => {
      const waiting = await waitForGate(stack.client, id, 'tickets');
      expect(waiting.pendingApproval?.summary).toMatch(/Ticket plan: \d+ tickets and an epic/);
      const planFile = waiting.artifacts.find((artifact) => artifact.file === `tickets_${slug}.json`)!;
      const { plan } = JSON.parse(await readFile(planFile.path, 'utf8')) as { plan: TicketPlan };
      await expect(readdir(path.join(stack.store.packDir({ specId: id, slug }), 'tickets'))).rejects.toThrow();
      const broken = await handle
        .executeUpdate(decideUpdate, {
          args: [
            {
              phase: 'tickets',
              action: 'edit',
              by: 'ana',
              content: { epic: plan.epic, tickets: [{ ...plan.tickets[0]!, dependsOn: ['nowhere'] }] },
            },
          ],
        })
        .catch((error) => error);
      expect(broken.cause).toMatchObject({
        type: FailureType.InvalidContent,
        message: expect.stringContaining('unknown ticket "nowhere"'),
      });
      const kept = plan.tickets.slice(0, 3).map((ticket) => ({ ...ticket, dependsOn: [] }));
      const outcome = await handle.executeUpdate(decideUpdate, {
        args: [{ phase: 'tickets', action: 'edit', by: 'ana', content: { epic: plan.epic, tickets: kept } }],
      });
      expect(outcome.next).toBe('creating 3 tickets');
      return { final: (await handle.result()) as SpecRunStatus, keptKeys: kept.map((ticket) => ticket.key) };
    });
    expect(status.final.status).toBe('completed');
    expect(status.final.tickets.map((ticket) => ticket.key).sort()).toEqual(['epic', ...status.keptKeys].sort());
    expect((await readdir(path.join(stack.store.packDir({ specId: id, slug }), 'tickets'))).sort()).toEqual(
      ['epic', ...status.keptKeys].map((key) => `${key}.md`).sort(),
    );
  });

  it('finishes without tickets when the plan is skipped', async () => {
    const id = await stack.start({
      feature: 'Add audit log export',
      gates: 'none',
      tickets: { target: 'file', review: true },
    });
    const handle = stack.client.workflow.getHandle(id);
    const status = await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'tickets');
      const refused = await handle
        .executeUpdate(decideUpdate, {
          args: [{ phase: 'tickets', action: 'request_changes', by: 'ana', comment: 'fewer' }],
        })
        .catch((error) => error);
      expect(refused.cause).toMatchObject({ type: FailureType.InvalidDecision });
      await handle.executeUpdate(decideUpdate, {
        args: [{ phase: 'tickets', action: 'skip', by: 'ana', comment: 'We track this elsewhere' }],
      });
      return (await handle.result()) as SpecRunStatus;
    });
    expect(status).toMatchObject({ status: 'completed', tickets: [] });
    expect(status.decisions.at(-1)).toMatchObject({ phase: 'tickets', action: 'skip', outcome: 'applied' });
  });
});
