import { afterAll, beforeAll, expect, it } from 'vitest';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decisionSignal } from '../../src/workflows/messages';
import { waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

it('refuses and records the decisions still in its inbox when the run ends', async () => {
  const id = await stack.start({ feature: 'Add audit log', gates: 'each' });
  const handle = stack.client.workflow.getHandle(id);
  await stack.withWorker(() => waitForGate(stack.client, id, 'requirements'));
  // With no worker, both wait in history and reach the run together: the abort ends it, the approve is never read.
  await handle.signal(decisionSignal, { phase: 'requirements', action: 'abort', by: 'ana' });
  await handle.signal(decisionSignal, { phase: 'requirements', action: 'approve', by: 'bo' });
  const status = (await stack.withWorker(() => handle.result())) as SpecRunStatus;
  expect(status.status).toBe('cancelled');
  expect(status.decisions).toEqual([
    expect.objectContaining({ action: 'abort', by: 'ana', outcome: 'applied' }),
    expect.objectContaining({
      action: 'approve',
      by: 'bo',
      outcome: 'rejected',
      reason: 'the run has finished (cancelled)',
    }),
  ]);
});
