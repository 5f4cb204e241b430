import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/shared/decision';
import { FailureType } from '../../src/shared/failure-types';
import { PHASES, type PhaseName } from '../../src/shared/phases';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate } from '../../src/workflows/messages';
import { queryStatus, waitForGate } from '../helpers/spec-helpers';
import { addSessionCache, architectureFollowing, startScriptedModel } from '../helpers/scripted-model';
import { createTestStack, type TestStack } from '../helpers/test-stack';

const FEATURE = 'Add passwordless login with magic links';

let stack: TestStack;
let model: Awaited<ReturnType<typeof startScriptedModel>>;
beforeAll(async () => {
  stack = await createTestStack();
  // The scripted model follows a reviewer who asks for a cache: the architecture gains one.
  model = await startScriptedModel((body) => ({
    kind: 'content',
    text: architectureFollowing(body, /cache/i, addSessionCache),
  }));
});
afterAll(async () => {
  await model?.openai.close();
  await stack?.close();
});

const decide = (id: string, decision: Decision) =>
  stack.client.workflow.getHandle(id).executeUpdate(decideUpdate, { args: [decision] });
const approve = (id: string, phase: PhaseName) => decide(id, { phase, action: 'approve', by: 'ana' });

async function approveThrough(id: string, last: PhaseName): Promise<void> {
  for (const phase of PHASES.slice(0, PHASES.indexOf(last) + 1)) {
    await waitForGate(stack.client, id, phase);
    await approve(id, phase);
  }
}

async function refusal(work: Promise<unknown>): Promise<{ type?: string; message: string }> {
  const error = await work.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as { type?: string; message: string };
  return { type: cause.type, message: cause.message };
}

describe('reopening an approved phase', () => {
  it('regenerates the reopened phase, then only the later phases whose inputs changed', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each' });
    await stack.withWorker(async () => {
      await approveThrough(id, 'rollout');
      await waitForGate(stack.client, id, 'cost', 1);
      const before = model.openai.requests.length;
      const outcome = await decide(id, {
        phase: 'architecture',
        action: 'reopen',
        by: 'ana',
        comment: 'Put a cache in front of the database for sessions',
      });
      expect(outcome).toMatchObject({ phase: 'architecture', action: 'reopen', revision: 2 });
      const reopened = await waitForGate(stack.client, id, 'architecture', 2);
      expect(reopened.phases.find((phase) => phase.name === 'cost')).toMatchObject({ state: 'pending', revision: 1 });
      await approve(id, 'architecture');
      // database, api and security read no architecture: they stand. testing, rollout and cost read it
      // (cost, waiting when the reopen came, was never approved: it comes back as a new revision, not a change).
      for (const phase of ['testing', 'rollout', 'cost'] as const) {
        await waitForGate(stack.client, id, phase, 2);
        await approve(id, phase);
      }
      const status = (await stack.client.workflow.getHandle(id).result()) as SpecRunStatus;
      expect(status.status).toBe('completed');
      expect(model.callsSince(before)).toEqual({ architecture: 1, testing: 1, rollout: 1, cost: 1 });
      expect(status.changes?.map(({ phase, reason, from, to }) => ({ phase, reason, from, to }))).toEqual([
        { phase: 'architecture', reason: 'reopened', from: 1, to: 2 },
        { phase: 'database', reason: 'kept', from: 1, to: 1 },
        { phase: 'api', reason: 'kept', from: 1, to: 1 },
        { phase: 'security', reason: 'kept', from: 1, to: 1 },
        { phase: 'testing', reason: 'inputs_changed', from: 1, to: 2 },
        { phase: 'rollout', reason: 'inputs_changed', from: 1, to: 2 },
      ]);
      expect(status.changes![0]).toMatchObject({
        by: 'ana',
        comment: 'Put a cache in front of the database for sessions',
      });
      expect(status.decisions.filter((decision) => decision.action === 'reopen')).toEqual([
        expect.objectContaining({ phase: 'architecture', by: 'ana', outcome: 'applied', revision: 2 }),
      ]);
      // The regenerated revision had the approved one as context.
      const prompt = model.openai.requests.slice(before).find((request) => request.phase === 'testing')!;
      expect(prompt.body.messages[1]!.content).toContain('previouslyApprovedRevision');
      const approved = JSON.parse(await readFile(path.join(stack.store.runDir(id), 'architecture.r2.json'), 'utf8'));
      expect(approved.content.components.map((component: { id: string }) => component.id)).toContain('session-cache');
    }, model.generator);
  });

  it('reopens the requirements after the api was approved: every phase reading them comes back', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each' });
    await stack.withWorker(async () => {
      await approveThrough(id, 'api');
      await waitForGate(stack.client, id, 'security', 1);
      const before = model.openai.requests.length;
      await decide(id, {
        phase: 'requirements',
        action: 'reopen',
        by: 'ana',
        comment: 'Links expire after 15 minutes',
      });
      for (const phase of ['requirements', 'architecture', 'database', 'api'] as const) {
        await waitForGate(stack.client, id, phase, 2);
        await approve(id, phase);
      }
      // The phase that was waiting reads the requirements too: generated again, not shown as it was.
      await waitForGate(stack.client, id, 'security', 2);
      expect(model.callsSince(before)).toEqual({ requirements: 1, architecture: 1, database: 1, api: 1, security: 1 });
      const requirements = JSON.parse(
        await readFile(path.join(stack.store.runDir(id), 'requirements.r2.json'), 'utf8'),
      );
      expect(JSON.stringify(requirements.content.functional)).toContain('Links expire after 15 minutes');
      await stack.client.workflow.getHandle(id).terminate('test done');
    }, model.generator);
  });

  it('keeps every later approval, and shows the waiting phase as it was, when the reopened phase comes back the same', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each' });
    await stack.withWorker(async () => {
      await approveThrough(id, 'api');
      await waitForGate(stack.client, id, 'security', 1);
      const before = model.openai.requests.length;
      // The scripted database answer takes the comment into its notes only: the tables stay the same.
      await decide(id, {
        phase: 'database',
        action: 'reopen',
        by: 'ana',
        comment: 'Name the indexes after their columns',
      });
      await waitForGate(stack.client, id, 'database', 2);
      await approve(id, 'database');
      const status = await waitForGate(stack.client, id, 'security', 1);
      expect(model.callsSince(before)).toEqual({ database: 1 });
      expect(status.changes?.map(({ phase, reason }) => [phase, reason])).toEqual([
        ['database', 'reopened'],
        ['api', 'kept'],
      ]);
      expect(status.phases.find((phase) => phase.name === 'api')).toMatchObject({ state: 'approved', revision: 1 });
      await stack.client.workflow.getHandle(id).terminate('test done');
    }, model.generator);
  });

  it('refuses a reopen of a phase not yet approved, one without a comment, and any in a run without gates', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each' });
    await stack.withWorker(async () => {
      await approveThrough(id, 'requirements');
      await waitForGate(stack.client, id, 'architecture');
      expect(await refusal(decide(id, { phase: 'database', action: 'reopen', by: 'ana', comment: 'more' }))).toEqual({
        type: FailureType.DecisionConflict,
        message: expect.stringMatching(/"database" has not been approved yet/),
      });
      expect(
        await refusal(decide(id, { phase: 'architecture', action: 'reopen', by: 'ana', comment: 'more' })),
      ).toEqual({
        type: FailureType.DecisionConflict,
        message: expect.stringMatching(/waiting at its gate, where request_changes or edit changes it/),
      });
      expect(await refusal(decide(id, { phase: 'requirements', action: 'reopen', by: 'ana' }))).toEqual({
        type: FailureType.InvalidDecision,
        message: expect.stringMatching(/reopen needs a comment/),
      });
      // Refused by the validator: nothing reached the run.
      expect(
        (await queryStatus(stack.client, id)).decisions.filter((decision) => decision.action === 'reopen'),
      ).toEqual([]);
      await stack.client.workflow.getHandle(id).terminate('test done');

      const ungated = await stack.start({ feature: FEATURE, gates: 'none', tickets: { target: 'file', review: true } });
      await waitForGate(stack.client, ungated, 'tickets');
      expect(
        await refusal(decide(ungated, { phase: 'requirements', action: 'reopen', by: 'ana', comment: 'more' })),
      ).toEqual({
        type: FailureType.DecisionConflict,
        message: expect.stringMatching(/gates: none.*amendments/),
      });
      await decide(ungated, { phase: 'tickets', action: 'approve', by: 'ana' });
      await stack.client.workflow.getHandle(ungated).result();
    });
  });

  it('takes a reopen at the tickets gate, and makes the pack and the ticket plan again after the walk', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each', tickets: { target: 'file', review: true } });
    const status = await stack.withWorker(async () => {
      await approveThrough(id, 'cost');
      await waitForGate(stack.client, id, 'tickets');
      const outcome = await decide(id, {
        phase: 'requirements',
        action: 'reopen',
        by: 'ana',
        comment: 'Add an admin report of sign-ins',
      });
      expect(outcome.next).toMatch(/regenerating requirements as revision 2/);
      for (const phase of PHASES) {
        await waitForGate(stack.client, id, phase, 2);
        await approve(id, phase);
      }
      const waiting = await waitForGate(stack.client, id, 'tickets');
      expect(waiting.pendingApproval!.summary).toBeTruthy();
      await decide(id, { phase: 'tickets', action: 'approve', by: 'ana' });
      return (await stack.client.workflow.getHandle(id).result()) as SpecRunStatus;
    });
    expect(status.status).toBe('completed');
    const plan = JSON.parse(await readFile(path.join(stack.store.runDir(id), 'ticket-plan.json'), 'utf8'));
    expect(JSON.stringify(plan)).toContain('admin report of sign-ins');
  });
});
