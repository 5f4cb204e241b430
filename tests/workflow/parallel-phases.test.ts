import { afterAll, beforeAll, expect, it } from 'vitest';
import { validAnswer } from '../fakes/fake-openai';
import { PHASE_INPUTS } from '../../src/shared/phase-graph';
import { PHASES, type PhaseName } from '../../src/shared/phases';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { startScriptedModel } from '../helpers/scripted-model';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { waitForGate } from '../helpers/spec-helpers';
import { decideUpdate } from '../../src/workflows/messages';

const LATENCY_MS = 600;

let stack: TestStack;
let model: Awaited<ReturnType<typeof startScriptedModel>>;
beforeAll(async () => {
  stack = await createTestStack();
  model = await startScriptedModel((body) => ({ kind: 'content', text: validAnswer(body), delayMs: LATENCY_MS }));
});
afterAll(async () => {
  await model?.openai.close();
  await stack?.close();
});

/** When each phase's first model call arrived, since `since` (requests are recorded on arrival). */
function startedAt(since: number): Record<PhaseName, number> {
  const started: Partial<Record<PhaseName, number>> = {};
  for (const request of model.openai.requests.slice(since)) if (request.phase) started[request.phase] ??= request.at;
  return started as Record<PhaseName, number>;
}

it('runs an ungated run along the phase graph: each phase starts once the phases it reads are done, not after all before it', async () => {
  const since = model.openai.requests.length;
  const status = (await stack.withWorker(
    async () =>
      stack.client.workflow.getHandle(await stack.start({ feature: 'Add an audit log', gates: 'none' })).result(),
    model.generator,
  )) as SpecRunStatus;
  expect(status.status).toBe('completed');
  const started = startedAt(since);
  // architecture and database read only the requirements: they are asked side by side, and cost
  // (requirements, architecture) does not wait for the api, security or testing.
  expect(Math.abs(started.architecture - started.database)).toBeLessThan(LATENCY_MS / 2);
  expect(started.cost).toBeLessThan(started.security);
  // No phase is asked before every phase it reads has answered.
  for (const phase of PHASES)
    for (const input of PHASE_INPUTS[phase]) expect(started[phase]).toBeGreaterThanOrEqual(started[input] + LATENCY_MS);
  expect(status.phases.every((phase) => phase.state === 'approved' && phase.revision === 1)).toBe(true);
});

it('with gates "final", generates the ungated phases along the graph and still asks once, showing every phase', async () => {
  const status = await stack.withWorker(async () => {
    const id = await stack.start({ feature: 'Add an audit log', gates: 'final' });
    const waiting = await waitForGate(stack.client, id, 'cost');
    expect(waiting.pendingApproval!.summary.split('\n').map((line) => line.split(':')[0])).toEqual([...PHASES]);
    await stack.client.workflow.getHandle(id).executeUpdate(decideUpdate, {
      args: [{ phase: 'cost', action: 'approve', by: 'ana' }],
    });
    return (await stack.client.workflow.getHandle(id).result()) as SpecRunStatus;
  }, model.generator);
  expect(status.status).toBe('completed');
});
