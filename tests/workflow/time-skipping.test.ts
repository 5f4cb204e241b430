import type { temporal } from '@temporalio/proto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate } from '../../src/workflows/messages';
import { queryStatus, waitForGate } from '../helpers/spec-helpers';
import { createTimeSkippingStack, timeSkippingUnavailable, type TimeSkippingStack } from '../helpers/time-skipping';

const DAY_SECONDS = 24 * 60 * 60;
const HOUR_MS = 60 * 60 * 1000;

describe.skipIf(timeSkippingUnavailable())('a run on the time-skipping test server', () => {
  let stack: TimeSkippingStack;
  beforeEach(async () => {
    stack = await createTimeSkippingStack();
  });
  afterEach(() => stack?.close());

  it('reminds after 24 hours at a gate with the default policy, in seconds of wall time, and keeps waiting', async () => {
    const id = await stack.start({ feature: 'Add passwordless login with magic links' });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const serverTimeBefore = await stack.env.currentTimeMs();
      const wallStart = performance.now();
      await stack.env.sleep('25 hours');
      const wallMs = performance.now() - wallStart;

      expect(wallMs).toBeLessThan(30_000);
      expect((await stack.env.currentTimeMs()) - serverTimeBefore).toBeGreaterThanOrEqual(25 * HOUR_MS);
      // The first 24 h wait fired (the reminder) and the gate re-armed the next one, still pending.
      expect(gateTimers((await handle.fetchHistory()).events ?? [])).toEqual([
        { seconds: DAY_SECONDS, fired: true },
        { seconds: DAY_SECONDS, fired: false },
      ]);
      expect((await queryStatus(stack.client, id)).pendingApproval).toMatchObject({
        phase: 'requirements',
        revision: 1,
      });

      // Activities still run after a skip: approving generates the next phase.
      await handle.executeUpdate(decideUpdate, { args: [{ phase: 'requirements', action: 'approve', by: 'ana' }] });
      const next = await waitForGate(stack.client, id, 'architecture');
      expect(next.phases.find((phase) => phase.name === 'requirements')?.state).toBe('approved');
      await handle.executeUpdate(decideUpdate, { args: [{ phase: 'architecture', action: 'abort', by: 'ana' }] });
      expect(((await handle.result()) as SpecRunStatus).status).toBe('cancelled');
    });
  });

  it('runs all eight phases to a completed pack when every gate auto-approves after 2 hours of skipped time', async () => {
    const id = await stack.start({
      feature: 'Export invoices to CSV',
      gates: 'each',
      gateTimeout: '2 hours',
      onGateTimeout: 'approve',
    });
    const serverTimeBefore = await stack.env.currentTimeMs();
    // Awaiting the result through the time-skipping client skips each 2 h wait.
    const status = (await stack.withWorker(() => stack.client.workflow.getHandle(id).result())) as SpecRunStatus;

    expect(status.status).toBe('completed');
    expect(status.decisions).toHaveLength(8);
    expect(status.decisions.every((decision) => decision.by === 'gate-timeout' && decision.outcome === 'applied')).toBe(
      true,
    );
    expect(status.artifacts.map((artifact) => artifact.file)).toContain('technical_spec_export-invoices-to-csv.md');
    expect((await stack.env.currentTimeMs()) - serverTimeBefore).toBeGreaterThanOrEqual(8 * 2 * HOUR_MS);
  });
});

interface GateTimer {
  seconds: number;
  fired: boolean;
}

/** The workflow's timers in order, with their durations and whether each fired. */
function gateTimers(events: temporal.api.history.v1.IHistoryEvent[]): GateTimer[] {
  const fired = new Set(
    events.flatMap((event) =>
      event.timerFiredEventAttributes?.timerId ? [event.timerFiredEventAttributes.timerId] : [],
    ),
  );
  return events.flatMap((event) => {
    const started = event.timerStartedEventAttributes;
    if (!started?.timerId) return [];
    return [{ seconds: Number(started.startToFireTimeout?.seconds ?? 0), fired: fired.has(started.timerId) }];
  });
}
