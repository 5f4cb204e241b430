import { DefaultLogger } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRuntimeMetrics, runtimeMetricsTelemetry } from '../../src/metrics/runtime-metrics';
import type { Decision, GateName } from '../../src/shared/decision';
import { PHASES } from '../../src/shared/phases';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate } from '../../src/workflows/messages';
import { quietRuntime } from '../helpers/quiet-runtime';
import { resultOrFailure, waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { sampleValue } from './sample-value';

// This file's worker runtime exports Prometheus, as `npm start` and a worker with SPECFORGE_METRICS_PORT do.
beforeAll(async () => quietRuntime(new DefaultLogger('WARN'), await runtimeMetricsTelemetry()));

/** Each test has its own stack, so its own task queue: the runtime labels every sample with it. */
async function withStack(test: (stack: TestStack) => Promise<void>): Promise<void> {
  const stack = await createTestStack();
  try {
    await test(stack);
  } finally {
    await stack.close();
  }
}

/** A sample of the runs on this stack's task queue, read from the runtime's own exposition (0 when absent). */
async function runSample(stack: TestStack, name: string, labels: Record<string, string>): Promise<number> {
  const text = await readRuntimeMetrics();
  const workflow = { namespace: 'default', taskQueue: stack.taskQueue, workflowType: 'specWorkflow' };
  return sampleValue(text, name, { ...workflow, ...labels }) ?? 0;
}

const decide = (stack: TestStack, id: string, decision: Omit<Decision, 'by'>) =>
  stack.client.workflow.getHandle(id).executeUpdate(decideUpdate, { args: [{ ...decision, by: 'ana' }] });

async function decideAt(stack: TestStack, id: string, phase: GateName, action: Decision['action'], revision = 1) {
  await waitForGate(stack.client, id, phase, revision);
  await decide(stack, id, { phase, action, ...(action === 'request_changes' ? { comment: 'Cover refunds too' } : {}) });
}

describe('run metrics, from the workflow through the worker runtime', () => {
  it('records one gate wait per gate, phases by outcome and the approved revision, and nothing again on replay', async () => {
    await withStack(async (stack) => {
      const id = await stack.start({ feature: 'Export invoices as CSV', gates: 'each' });
      const [first, ...rest] = PHASES;
      await stack.withWorker(async () => {
        await decideAt(stack, id, first, 'request_changes');
        await decideAt(stack, id, first, 'approve', 2);
        await waitForGate(stack.client, id, rest[0]!);
      });
      const firstPhase = async () => ({
        waits: await runSample(stack, 'specforge_gate_wait_seconds_count', { phase: first }),
        changes: await runSample(stack, 'specforge_phases_total', { phase: first, outcome: 'changes_requested' }),
        approved: await runSample(stack, 'specforge_phases_total', { phase: first, outcome: 'approved' }),
        revisions: await runSample(stack, 'specforge_phase_revisions_sum', { phase: first }),
        approvals: await runSample(stack, 'specforge_phase_revisions_count', { phase: first }),
      });
      const recorded = { waits: 2, changes: 1, approved: 1, revisions: 2, approvals: 1 };
      expect(await firstPhase()).toEqual(recorded);
      // A new worker has no cache of the run: it replays the history above, then goes on.
      const status = (await stack.withWorker(async () => {
        for (const phase of rest) await decideAt(stack, id, phase, 'approve');
        return stack.client.workflow.getHandle(id).result();
      })) as SpecRunStatus;
      expect(status.status).toBe('completed');
      expect(await firstPhase()).toEqual(recorded);
      for (const phase of rest) {
        expect(await runSample(stack, 'specforge_gate_wait_seconds_count', { phase })).toBe(1);
        expect(await runSample(stack, 'specforge_phases_total', { phase, outcome: 'approved' })).toBe(1);
        expect(await runSample(stack, 'specforge_phase_revisions_sum', { phase })).toBe(1);
      }
      // Gate waits are in seconds, with buckets from a minute up: a decision within the minute is under 60.
      expect(await runSample(stack, 'specforge_gate_wait_seconds_bucket', { phase: rest[0]!, le: '60' })).toBe(1);
    });
  });

  it('counts the phases the policy does not gate, an approval by timeout and a skipped tickets gate', async () => {
    await withStack(async (stack) => {
      const id = await stack.start({
        feature: 'Add audit log',
        gates: 'final',
        gateTimeout: '1s',
        onGateTimeout: 'approve',
        tickets: { target: 'file', review: true },
      });
      const last = PHASES.at(-1)!;
      const status = (await stack.withWorker(async () => {
        await decideAt(stack, id, 'tickets', 'skip');
        return stack.client.workflow.getHandle(id).result();
      })) as SpecRunStatus;
      expect(status.status).toBe('completed');
      for (const phase of PHASES.slice(0, -1))
        expect(await runSample(stack, 'specforge_phases_total', { phase, outcome: 'ungated' })).toBe(1);
      expect(await runSample(stack, 'specforge_phases_total', { phase: last, outcome: 'auto_approved' })).toBe(1);
      expect(await runSample(stack, 'specforge_gate_wait_seconds_count', { phase: last })).toBe(1);
      expect(await runSample(stack, 'specforge_phases_total', { phase: 'tickets', outcome: 'skipped' })).toBe(1);
      expect(await runSample(stack, 'specforge_gate_wait_seconds_count', { phase: 'tickets' })).toBe(1);
    });
  });

  it('counts a gate that timed out under the "fail" policy as failed, with its wait, and an abort as aborted', async () => {
    await withStack(async (stack) => {
      const failing = await stack.start({
        feature: 'Add audit log',
        gates: 'each',
        gateTimeout: '1s',
        onGateTimeout: 'fail',
      });
      const aborted = await stack.start({ feature: 'Add audit log', gates: 'each' });
      await stack.withWorker(async () => {
        await resultOrFailure(stack.client, failing);
        await decideAt(stack, aborted, 'requirements', 'abort');
        await resultOrFailure(stack.client, aborted);
      });
      const labels = { phase: 'requirements' };
      expect(await runSample(stack, 'specforge_phases_total', { ...labels, outcome: 'failed' })).toBe(1);
      expect(await runSample(stack, 'specforge_phases_total', { ...labels, outcome: 'aborted' })).toBe(1);
      expect(await runSample(stack, 'specforge_gate_wait_seconds_count', labels)).toBe(2);
      expect(await runSample(stack, 'specforge_phase_revisions_count', labels)).toBe(0);
    });
  });

  it('counts a run cancelled at a gate as cancelled, with no gate wait: nobody decided late', async () => {
    await withStack(async (stack) => {
      const id = await stack.start({ feature: 'Add audit log', gates: 'each' });
      await stack.withWorker(async () => {
        await waitForGate(stack.client, id, 'requirements');
        await stack.client.workflow.getHandle(id).cancel();
        await resultOrFailure(stack.client, id);
      });
      const labels = { phase: 'requirements' };
      expect(await runSample(stack, 'specforge_phases_total', { ...labels, outcome: 'cancelled' })).toBe(1);
      expect(await runSample(stack, 'specforge_gate_wait_seconds_count', labels)).toBe(0);
    });
  });
});
