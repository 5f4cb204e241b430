import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate } from '../../src/workflows/messages';
import { startFakeOpenAI, validAnswer } from '../fakes/fake-openai';
import { waitForGate, resultOrFailure } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { FailureType } from '../../src/shared/failure-types';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

describe('gate policies', () => {
  it('approves on its own when the gate times out with the "approve" policy, and records it', async () => {
    const id = await stack.start({
      feature: 'Add audit log',
      gates: 'final',
      gateTimeout: '1s',
      onGateTimeout: 'approve',
    });
    const status = (await stack.withWorker(() => stack.client.workflow.getHandle(id).result())) as SpecRunStatus;
    expect(status.status).toBe('completed');
    expect(status.decisions).toEqual([
      expect.objectContaining({ phase: 'cost', by: 'gate-timeout', outcome: 'applied' }),
    ]);
  });

  it('fails the run naming the phase when the gate times out with the "fail" policy, keeping the approved work', async () => {
    const id = await stack.start({ feature: 'Add audit log', gates: 'each', gateTimeout: '1s', onGateTimeout: 'fail' });
    const error = await stack.withWorker(() => resultOrFailure(stack.client, id));
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect(error.cause).toMatchObject({
      type: FailureType.GateTimeout,
      message: 'No decision on requirements within 1s',
    });
    const memo = (await stack.client.workflow.getHandle(id).describe()).memo?.status as SpecRunStatus;
    expect(memo).toMatchObject({ status: 'failed', error: 'No decision on requirements within 1s' });
  });

  it('refuses a decision from someone who is not an approver of the run', async () => {
    const id = await stack.start({ feature: 'Add audit log', gates: 'each', approvers: ['ana'] });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const refused = await handle
        .executeUpdate(decideUpdate, { args: [{ phase: 'requirements', action: 'approve', by: 'mallory' }] })
        .catch((failure) => failure);
      expect(refused.cause).toMatchObject({
        type: FailureType.DecisionForbidden,
        message: '"mallory" is not an approver of this run',
      });
      await expect(
        handle.executeUpdate(decideUpdate, { args: [{ phase: 'requirements', action: 'approve', by: 'ana' }] }),
      ).resolves.toMatchObject({ phase: 'requirements' });
      await handle.terminate('test done');
    });
  });
});

describe('a rate-limited model', () => {
  it('is retried by Temporal after the Retry-After delay, and the run completes', async () => {
    let limited = false;
    const openai = await startFakeOpenAI((body) => {
      if (!limited && body.response_format?.json_schema?.name === 'database') {
        limited = true;
        return { kind: 'status', status: 429, headers: { 'retry-after': '4' } };
      }
      return { kind: 'content', text: validAnswer(body) };
    });
    try {
      const generator = createOpenAIGenerator({
        apiKey: 'sk-test-not-a-real-key',
        baseURL: openai.baseURL,
        model: 'gpt-test',
        timeoutMs: 10_000,
      });
      const id = await stack.start({ feature: 'Add audit log', gates: 'none' });
      const status = (await stack.withWorker(
        () => stack.client.workflow.getHandle(id).result(),
        generator,
      )) as SpecRunStatus;
      expect(status.status).toBe('completed');
      const database = openai.requests.filter((request) => request.phase === 'database');
      expect(database).toHaveLength(2);
      // Temporal's own backoff starts at 2 s; the 4 s gap comes from Retry-After (nextRetryDelay).
      expect(database[1]!.at - database[0]!.at).toBeGreaterThanOrEqual(3900);
      const history = await stack.client.workflow.getHandle(id).fetchHistory();
      const retried = history.events?.find((event) => event.activityTaskStartedEventAttributes?.attempt === 2);
      expect(retried?.activityTaskStartedEventAttributes?.lastFailure?.applicationFailureInfo?.type).toBe(
        FailureType.LlmRateLimited,
      );
    } finally {
      await openai.close();
    }
  });
});
