import { access } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/shared/decision';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate } from '../../src/workflows/messages';
import { validAnswer } from '../fakes/fake-openai';
import { startScriptedModel } from '../helpers/scripted-model';
import { queryStatus, waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';

let stack: TestStack;
let model: Awaited<ReturnType<typeof startScriptedModel>>;
beforeAll(async () => {
  stack = await createTestStack();
  model = await startScriptedModel((body) => ({ kind: 'content', text: validAnswer(body), delayMs: 300 }));
});
afterAll(async () => {
  await model?.openai.close();
  await stack?.close();
});

const decide = (id: string, decision: Decision) =>
  stack.client.workflow.getHandle(id).executeUpdate(decideUpdate, { args: [decision] });

/** Waits at the requirements gate until the architecture, generated meanwhile, is stored. */
async function speculatedArchitecture(id: string): Promise<void> {
  await waitForGate(stack.client, id, 'requirements');
  // Its own file: the revision's file is written by the real call only.
  const file = path.join(stack.store.runDir(id), 'architecture.r1.speculative.json');
  await waitFor(
    () =>
      access(file).then(
        () => true,
        () => undefined,
      ),
    'the speculative architecture',
  );
}

describe('speculation at a gate', () => {
  it('generates the next phase while the gate waits, so an approval finds it made and pays for it once', async () => {
    const id = await stack.start({ feature: 'Add an audit log', gates: 'each', speculate: true });
    await stack.withWorker(async () => {
      const since = model.openai.requests.length;
      await speculatedArchitecture(id);
      await decide(id, { phase: 'requirements', action: 'approve', by: 'ana' });
      const status = await waitForGate(stack.client, id, 'architecture', 1);
      expect(model.callsSince(since)).toMatchObject({ requirements: 1, architecture: 1 });
      expect(status.speculation).toEqual({ used: 1, discarded: 0, discardedTokens: { input: 0, output: 0 } });
      await stack.client.workflow.getHandle(id).terminate('test done');
    }, model.generator);
  });

  it('discards it when the phase is sent back, and counts what it cost', async () => {
    const id = await stack.start({ feature: 'Add an audit log', gates: 'each', speculate: true });
    await stack.withWorker(async () => {
      const since = model.openai.requests.length;
      await speculatedArchitecture(id);
      await decide(id, {
        phase: 'requirements',
        action: 'request_changes',
        by: 'ana',
        comment: 'Keep entries 7 years',
      });
      await waitForGate(stack.client, id, 'requirements', 2);
      await decide(id, { phase: 'requirements', action: 'approve', by: 'ana' });
      await waitForGate(stack.client, id, 'architecture');
      const status = await queryStatus(stack.client, id);
      // The first speculation was stale; the second, on revision 2, was used.
      expect(status.speculation).toMatchObject({ used: 1, discarded: 1 });
      expect(status.speculation!.discardedTokens.output).toBeGreaterThan(0);
      expect(model.callsSince(since)).toMatchObject({ requirements: 2, architecture: 2 });
      await stack.client.workflow.getHandle(id).terminate('test done');
    }, model.generator);
  });

  it('discards it when the approval carries answers, which the next phase must read', async () => {
    const id = await stack.start({ feature: 'Add an audit log', gates: 'each', speculate: true });
    const status = await stack.withWorker(async () => {
      await speculatedArchitecture(id);
      await decide(id, {
        phase: 'requirements',
        action: 'approve',
        by: 'ana',
        content: { answers: { 'Q-2': '500 requests per second' } },
      });
      await waitForGate(stack.client, id, 'architecture');
      const waiting = await queryStatus(stack.client, id);
      await stack.client.workflow.getHandle(id).terminate('test done');
      return waiting;
    }, model.generator);
    expect(status.speculation).toMatchObject({ used: 0, discarded: 1 });
  });

  it('does nothing of the kind unless the run asks for it', async () => {
    const id = await stack.start({ feature: 'Add an audit log', gates: 'each' });
    const status = (await stack.withWorker(async () => {
      const since = model.openai.requests.length;
      await waitForGate(stack.client, id, 'requirements');
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(model.callsSince(since)).toEqual({ requirements: 1 });
      const waiting = await queryStatus(stack.client, id);
      await stack.client.workflow.getHandle(id).terminate('test done');
      return waiting;
    }, model.generator)) as SpecRunStatus;
    expect(status.speculation).toBeUndefined();
  });
});
