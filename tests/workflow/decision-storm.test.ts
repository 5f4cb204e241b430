import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeDecisionContent } from '../../src/activities/run-state/decision-content';
import { listSpecs } from '../../src/runs/list-specs';
import { PHASES } from '../../src/shared/phases';
import { MAX_DECISION_BYTES } from '../../src/shared/decision-size';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { MAX_REFUSED_KEPT } from '../../src/workflows/spec-run-state';
import { decideUpdate, decisionSignal } from '../../src/workflows/messages';
import { queryStatus, waitForGate, resultOrFailure } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';

const EventType = temporal.api.enums.v1.EventType;

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

/** An edit whose content fails the phase's schema: the run refuses it after writing it to history. */
const invalidEdit = (bytes: number) => ({
  phase: 'requirements' as const,
  action: 'edit' as const,
  by: 'ana',
  content: { padding: 'x'.repeat(bytes) },
});

const approveEveryPhase = async (id: string) => {
  const handle = stack.client.workflow.getHandle(id);
  for (const phase of PHASES) {
    await waitForGate(stack.client, id, phase);
    await handle.executeUpdate(decideUpdate, { args: [{ phase, action: 'approve', by: 'ana' }] });
  }
  return (await handle.result()) as SpecRunStatus;
};

describe('a run given input it cannot parse', () => {
  it.each(['1\t ms', '1\nms', '0ms'])(
    'fails at once naming gateTimeout (%j), instead of failing its workflow task forever',
    async (gateTimeout) => {
      const id = await stack.start({ feature: 'Add audit log', gateTimeout });
      const error = await stack.withWorker(() => resultOrFailure(stack.client, id));
      expect(error).toBeInstanceOf(WorkflowFailedError);
      expect(error.cause).toMatchObject({ type: 'InvalidSpecRequest', details: ['gateTimeout'] });
      expect(error.cause.message).toMatch(/^The run cannot start: gateTimeout: /);
      const description = await stack.client.workflow.getHandle(id).describe();
      expect(description.status.name).toBe('FAILED');
      expect(description.memo?.status).toMatchObject({ status: 'failed', error: error.cause.message });
    },
  );
});

describe('decision storms', () => {
  it('refuses an oversize decision in the update validator, leaving no trace in history', async () => {
    const id = await stack.start({ feature: 'Add audit log', gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      // Settled: the gate's notification done and its workflow task completed, so nothing else adds events.
      const before = await waitFor(async () => {
        const description = await handle.describe();
        const events = (await handle.fetchHistory()).events ?? [];
        const last = events.at(-1)?.eventType;
        return description.raw.pendingActivities?.length === 0 && last === EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED
          ? description
          : undefined;
      }, 'a settled history');
      const refused = await handle
        .executeUpdate(decideUpdate, { args: [invalidEdit(MAX_DECISION_BYTES)] })
        .catch((failure) => failure);
      expect(refused.cause).toMatchObject({ type: 'InvalidContent', details: ['content'] });
      expect(refused.cause.message).toContain(`at most ${MAX_DECISION_BYTES} bytes`);
      const after = await handle.describe();
      expect(after.historyLength).toBe(before.historyLength);
      expect((await queryStatus(stack.client, id)).decisions).toEqual([]);
      await handle.terminate('test done');
    });
  });

  it('continues as new when rejected edits fill its history, then completes with its pack; refusals are capped', async () => {
    const refusedSignals = MAX_REFUSED_KEPT + 5;
    const id = await stack.start({
      feature: 'Add audit log',
      gates: 'each',
      historyLimit: { events: 10_000, bytes: 1_500_000 },
    });
    const handle = stack.client.workflow.getHandle(id);
    const status = await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const firstRun = (await handle.describe()).runId;
      // Decisions for a phase not at its gate: each is read and refused, and counted.
      for (let index = 0; index < refusedSignals; index += 1)
        await handle.signal(decisionSignal, { phase: 'cost', action: 'approve', by: `early-${index}` });
      await waitFor(
        async () => ((await queryStatus(stack.client, id)).refusedCount === refusedSignals ? true : undefined),
        'the early decisions to be refused',
      );
      let edits = 0;
      while ((await handle.describe()).runId === firstRun) {
        edits += 1;
        expect(edits).toBeLessThan(40);
        await handle
          .executeUpdate(decideUpdate, { args: [invalidEdit(MAX_DECISION_BYTES - 1_000)] })
          .catch((failure) => failure);
      }
      const continued = await waitForGate(stack.client, id, 'requirements');
      expect(continued.continuedAsNew).toBe(1);
      expect((await handle.describe()).memo?.request).toEqual({ feature: 'Add audit log', gates: 'each' });
      return approveEveryPhase(id);
    });
    expect(status.status).toBe('completed');
    expect(status.continuedAsNew).toBe(1);
    expect(status.phases.every((phase) => phase.state === 'approved')).toBe(true);
    expect(status.artifacts.map((artifact) => artifact.file)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^technical_spec_/)]),
    );
    const refused = status.decisions.filter((decision) => decision.outcome === 'rejected');
    expect(refused).toHaveLength(MAX_REFUSED_KEPT);
    expect(status.refusedCount).toBeGreaterThan(refusedSignals);
    expect(status.decisions.filter((decision) => decision.outcome === 'applied')).toHaveLength(PHASES.length);
    // Listed once, as its latest execution: the one that continued as new is not a second run.
    const listed = await waitFor(async () => {
      const { items } = await listSpecs(stack.client, 'default', { limit: 100 });
      const mine = items.filter((item) => item.id === id);
      return mine.some((item) => item.temporalStatus === 'COMPLETED') ? mine : undefined;
    }, 'the run in the list');
    expect(listed).toHaveLength(1);
  });

  it('applies an edit whose content waits in the store, carrying only its reference through history', async () => {
    const id = await stack.start({ feature: 'Add audit log', gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const stored = JSON.parse(await readFile(path.join(stack.store.runDir(id), 'requirements.r1.json'), 'utf8')) as {
        content: Record<string, unknown>;
      };
      const marker = longestText(stored.content);
      const decision = await storeDecisionContent(stack.store, id, {
        phase: 'requirements',
        action: 'edit',
        by: 'ana',
        content: stored.content,
      });
      expect(decision.content).toBeUndefined();
      await expect(handle.executeUpdate(decideUpdate, { args: [decision] })).resolves.toMatchObject({
        revision: 2,
        next: 'next phase',
      });
      await waitForGate(stack.client, id, 'architecture');
      const history = payloadText(await handle.fetchHistory());
      expect(history).toContain(decision.contentRef!.sha256);
      expect(history).not.toContain(marker);
      await handle.terminate('test done');
    });
  });

  it('refuses an edit whose stored content no longer matches its hash', async () => {
    const id = await stack.start({ feature: 'Add audit log', gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const decision = await storeDecisionContent(stack.store, id, invalidEdit(10));
      await stack.store.write(stack.store.runDir(id), decision.contentRef!.path, '{"changed":true}');
      const refused = await handle.executeUpdate(decideUpdate, { args: [decision] }).catch((failure) => failure);
      expect(refused.cause).toMatchObject({ type: 'InvalidContent' });
      expect(refused.cause.message).toMatch(/does not match its sha256/);
      await handle.terminate('test done');
    });
  });
});

/** Every payload of the history, decoded: what the run's history holds as text. */
function payloadText(history: unknown): string {
  const encoded = [...JSON.stringify(history).matchAll(/"data":"([A-Za-z0-9+/=]+)"/g)];
  return encoded.map((match) => Buffer.from(match[1]!, 'base64').toString('utf8')).join('\n');
}

function longestText(value: unknown): string {
  if (typeof value === 'string') return value;
  const texts = Object.values(value && typeof value === 'object' ? value : {}).map(longestText);
  return texts.reduce((longest, text) => (text.length > longest.length ? text : longest), '');
}
