import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Decision } from '../../src/shared/decision';
import { PHASES } from '../../src/shared/phases';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate } from '../../src/workflows/messages';
import { waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

const REOPENS = 10;

it('continues as new while a run is reopened again and again, and finishes with every reopen applied', async () => {
  // The lowest limit a run takes: a handful of reopens passes it.
  const id = await stack.start({ feature: 'Add an audit log', gates: 'each', historyLimit: { events: 200 } });
  const handle = stack.client.workflow.getHandle(id);
  // A decision the run could not read before moving to a fresh history is refused, saying to send it again.
  const decide = async (decision: Decision) => {
    for (;;) {
      try {
        return await handle.executeUpdate(decideUpdate, { args: [decision] });
      } catch (error) {
        if (!(error instanceof WorkflowUpdateFailedError) || !/continue-as-new/.test(error.cause?.message ?? ''))
          throw error;
      }
    }
  };
  const status = await stack.withWorker(async () => {
    for (const phase of PHASES.slice(0, -1)) {
      await waitForGate(stack.client, id, phase);
      await decide({ phase, action: 'approve', by: 'ana' });
    }
    for (let round = 1; round <= REOPENS; round += 1) {
      await waitForGate(stack.client, id, 'cost', 1);
      await decide({
        phase: 'rollout',
        action: 'reopen',
        by: 'ana',
        comment: `Round ${round}: a smaller first canary`,
      });
      await waitForGate(stack.client, id, 'rollout', round + 1);
      await decide({ phase: 'rollout', action: 'approve', by: 'ana' });
    }
    // cost reads no rollout: it comes back as it was, every time.
    await waitForGate(stack.client, id, 'cost', 1);
    await decide({ phase: 'cost', action: 'approve', by: 'ana' });
    return (await handle.result()) as SpecRunStatus;
  });
  expect(status.status).toBe('completed');
  expect(status.continuedAsNew).toBeGreaterThanOrEqual(1);
  expect(status.phases.find((phase) => phase.name === 'rollout')).toMatchObject({
    state: 'approved',
    revision: REOPENS + 1,
  });
  expect(status.changes?.filter((change) => change.phase === 'rollout' && change.reason === 'reopened')).toHaveLength(
    REOPENS,
  );
  const history = await handle.fetchHistory();
  // The last run's history is small, whatever came before it.
  expect(history.events!.length).toBeLessThan(400);
});
