import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/shared/run-event';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decisionSignal } from '../../src/workflows/messages';
import { startFakeWebhook } from '../fakes/fake-webhook';
import { waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { PHASES } from '../../src/shared/phases';

const PUBLIC_URL = 'http://127.0.0.1:3999/team';
type Sent = RunEvent & { text: string; link: string };

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

const result = (id: string) => stack.client.workflow.getHandle(id).result() as Promise<SpecRunStatus>;

describe('webhook notifications', () => {
  it('posts the gate opening and the end of the run with a Slack text and the review link', async () => {
    const webhook = await startFakeWebhook();
    try {
      const id = await stack.start({ feature: 'Export <invoices> & credit notes as CSV', gates: 'final' });
      await stack.withWorker(
        async () => {
          await waitForGate(stack.client, id, 'cost');
          await stack.client.workflow
            .getHandle(id)
            .signal(decisionSignal, { phase: 'cost', action: 'approve', by: 'ana' });
          return result(id);
        },
        undefined,
        undefined,
        { webhook: { url: webhook.url, publicUrl: PUBLIC_URL } },
      );
      const events = webhook.accepted() as Sent[];
      expect(events.map((event) => [event.kind, event.phase ?? event.status])).toEqual([
        ['gate_opened', 'cost'],
        ['run_finished', 'completed'],
      ]);
      expect(events[0]).toMatchObject({ specId: id, link: `${PUBLIC_URL}/specs/${id}`, revision: 1 });
      expect(events[0]!.text).toBe(
        `"Export &lt;invoices&gt; &amp; credit notes as CSV" is waiting for a decision on cost (revision 1). <${PUBLIC_URL}/specs/${id}|Review>`,
      );
      expect(events[1]!.text).toMatch(/ended completed/);
    } finally {
      await webhook.close();
    }
  });

  it('does not hold up or fail the run when the receiver answers 500', async () => {
    const webhook = await startFakeWebhook({ failure: '500' });
    try {
      const id = await stack.start({ feature: 'Export invoices as CSV', gates: 'each' });
      const handle = stack.client.workflow.getHandle(id);
      const status = await stack.withWorker(
        async () => {
          for (const phase of PHASES) {
            await waitForGate(stack.client, id, phase);
            await handle.signal(decisionSignal, { phase, action: 'approve', by: 'ana' });
          }
          return result(id);
        },
        undefined,
        undefined,
        { webhook: { url: webhook.url, publicUrl: PUBLIC_URL } },
      );
      expect(status.status).toBe('completed');
      const attempts = (phase: string) => webhook.received.filter((request) => (request.event as Sent).phase === phase);
      // Temporal retried the first gate's event, while the run had already moved on to the next gates.
      expect(attempts('requirements').length).toBeGreaterThan(1);
      expect(attempts('architecture')[0]!.at).toBeLessThan(attempts('requirements').at(-1)!.at);
      expect(webhook.received.every((request) => request.status === 500)).toBe(true);
    } finally {
      await webhook.close();
    }
  });
});
