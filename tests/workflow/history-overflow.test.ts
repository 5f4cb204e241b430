import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Generator } from '../../src/activities/llm/generator';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate, decisionSignal } from '../../src/workflows/messages';
import { waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

/** The offline generator, except that architecture waits until the test lets it go (or the activity is cancelled). */
function heldArchitecture(): { generator: Generator; started: Promise<void> } {
  const offline = createOfflineGenerator();
  let markStarted!: () => void;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const generator: Generator = {
    provider: offline.provider,
    model: offline.model,
    async generate(definition, context, check, progress) {
      if (definition.name === 'architecture') {
        markStarted();
        await new Promise((_, reject) =>
          progress?.signal?.addEventListener('abort', () => reject(new Error('cancelled'))),
        );
      }
      return offline.generate(definition, context, check, progress);
    },
  };
  return { generator, started };
}

const padded = (phase: string, bytes: number) => ({
  phase,
  action: 'request_changes',
  by: 'ana',
  comment: 'x'.repeat(bytes),
});

describe('a history that outgrows its limits where the run cannot continue as new', () => {
  it('fails the run itself with a clear error and its partial pack when a storm arrives while a phase generates', async () => {
    const id = await stack.start({
      feature: 'Add audit log',
      gates: 'each',
      historyLimit: { events: 10_000, bytes: 400_000 },
    });
    const handle = stack.client.workflow.getHandle(id);
    const { generator, started } = heldArchitecture();
    const error = await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      await handle.executeUpdate(decideUpdate, { args: [{ phase: 'requirements', action: 'approve', by: 'ana' }] });
      await started;
      // Comments of 9,000 characters (under every cap), sent while nothing reads them, until the run stops itself.
      for (let sent = 0; (await handle.describe()).status.name === 'RUNNING'; sent += 1) {
        expect(sent).toBeLessThan(400);
        await handle.signal(decisionSignal, padded('architecture', 9_000) as never).catch(() => undefined);
      }
      return handle.result().catch((failure) => failure);
    }, generator);
    expect(error).toBeInstanceOf(WorkflowFailedError);
    expect(error.cause).toMatchObject({ type: 'HistoryLimit' });
    expect(error.cause.message).toMatch(/passed its hard limit .* away from a gate/);
    const memo = (await handle.describe()).memo?.status as SpecRunStatus;
    expect(memo).toMatchObject({ status: 'failed', error: error.cause.message });
    expect(memo.phases.find((phase) => phase.name === 'requirements')?.state).toBe('approved');
    expect(memo.artifacts.map((artifact) => artifact.file)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^technical_spec_/)]),
    );
  });

  it('fails the run with its pack when the history fills at the tickets gate', async () => {
    const id = await stack.start({
      feature: 'Add audit log',
      gates: 'none',
      tickets: { target: 'file', review: true },
      historyLimit: { events: 10_000, bytes: 400_000 },
    });
    const handle = stack.client.workflow.getHandle(id);
    const error = await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'tickets');
      for (let sent = 0; (await handle.describe()).status.name === 'RUNNING'; sent += 1) {
        expect(sent).toBeLessThan(100);
        await handle
          .executeUpdate(decideUpdate, {
            args: [{ phase: 'tickets', action: 'edit', by: 'ana', content: { padding: 'x'.repeat(100_000) } }],
          })
          .catch(() => undefined);
      }
      return handle.result().catch((failure) => failure);
    });
    expect(error.cause).toMatchObject({ type: 'HistoryLimit' });
    expect(error.cause.message).toMatch(/at the tickets gate, where it cannot continue as new/);
    const memo = await waitFor(
      async () => (await handle.describe()).memo?.status as SpecRunStatus | undefined,
      'the memo',
    );
    expect(memo).toMatchObject({ status: 'failed', tickets: [] });
    expect(memo.artifacts.length).toBeGreaterThan(0);
  });
});
