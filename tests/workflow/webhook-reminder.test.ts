import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/shared/run-event';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate } from '../../src/workflows/messages';
import { startFakeWebhook, type FakeWebhook } from '../fakes/fake-webhook';
import { waitForGate } from '../helpers/spec-helpers';
import { createTimeSkippingStack, timeSkippingUnavailable, type TimeSkippingStack } from '../helpers/time-skipping';
import { waitFor } from '../helpers/wait-for';

type PostedEvent = RunEvent & { text: string; link: string };

describe.skipIf(timeSkippingUnavailable())('webhook reminders with the default gate policy (24 h, remind)', () => {
  let stack: TimeSkippingStack;
  let webhook: FakeWebhook;
  beforeEach(async () => {
    stack = await createTimeSkippingStack();
  });
  afterEach(async () => {
    await stack?.close();
    await webhook?.close();
  });

  const posted = (kind: RunEvent['kind']) =>
    webhook.received.map((request) => request.event as PostedEvent).filter((event) => event?.kind === kind);
  const eventually = (kind: RunEvent['kind'], count: number) =>
    waitFor(async () => (posted(kind).length >= count ? posted(kind) : undefined), `${count} ${kind} event(s)`);

  it('posts a reminder after 24 hours of waiting and another after 48, then the end of the run', async () => {
    webhook = await startFakeWebhook();
    const feature = 'Add passwordless login with magic links';
    const id = await stack.start({ feature });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(
      async () => {
        const gate = await waitForGate(stack.client, id, 'requirements');
        await eventually('gate_opened', 1);
        await stack.env.sleep('23 hours');
        expect(posted('gate_reminder')).toEqual([]);

        await stack.env.sleep('2 hours');
        const [reminder] = await eventually('gate_reminder', 1);
        expect(reminder).toMatchObject({
          specId: id,
          feature,
          phase: 'requirements',
          revision: 1,
          since: gate.pendingApproval?.since,
          link: `http://127.0.0.1:3000/specs/${id}`,
        });
        expect(reminder!.text).toContain('Reminder');

        await stack.env.sleep('24 hours');
        expect(await eventually('gate_reminder', 2)).toHaveLength(2);

        await handle.executeUpdate(decideUpdate, { args: [{ phase: 'requirements', action: 'abort', by: 'ana' }] });
        expect(((await handle.result()) as SpecRunStatus).status).toBe('cancelled');
      },
      { webhookUrl: webhook.url },
    );
    expect(posted('run_finished')).toEqual([expect.objectContaining({ specId: id, status: 'cancelled' })]);
    expect(
      webhook.received.every((request) => request.status === 200 && request.contentType === 'application/json'),
    ).toBe(true);
  });

  it('delivers the gate-open event on a retry when the receiver fails its first two attempts, then the reminder', async () => {
    webhook = await startFakeWebhook({ failure: { firstFailures: 2 } });
    const id = await stack.start({ feature: 'Add audit log' });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(
      async () => {
        await waitForGate(stack.client, id, 'requirements');
        await waitFor(
          async () => (webhook.accepted().length >= 1 ? true : undefined),
          'the gate-open event on its third attempt',
        );
        await stack.env.sleep('25 hours');
        await waitFor(async () => (webhook.accepted().length >= 2 ? true : undefined), 'the reminder');
        await handle.executeUpdate(decideUpdate, { args: [{ phase: 'requirements', action: 'abort', by: 'ana' }] });
        await handle.result();
      },
      { webhookUrl: webhook.url },
    );
    expect(
      webhook.received.slice(0, 3).map((request) => [request.status, (request.event as PostedEvent).kind]),
    ).toEqual([
      [500, 'gate_opened'],
      [500, 'gate_opened'],
      [200, 'gate_opened'],
    ]);
    expect((webhook.accepted() as PostedEvent[]).map((event) => event.kind)).toEqual([
      'gate_opened',
      'gate_reminder',
      'run_finished',
    ]);
  });

  it('keeps reminding and still completes the run when the receiver answers 500 to everything', async () => {
    webhook = await startFakeWebhook({ failure: '500' });
    const id = await stack.start({ feature: 'Export invoices to CSV', gates: 'final' });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(
      async () => {
        await waitForGate(stack.client, id, 'cost');
        await stack.env.sleep('25 hours');
        await eventually('gate_reminder', 1);
        await handle.executeUpdate(decideUpdate, { args: [{ phase: 'cost', action: 'approve', by: 'ana' }] });
        expect(((await handle.result()) as SpecRunStatus).status).toBe('completed');
      },
      { webhookUrl: webhook.url },
    );
    expect(webhook.received.length).toBeGreaterThan(0);
    expect(webhook.received.every((request) => request.status === 500)).toBe(true);
  });
});
