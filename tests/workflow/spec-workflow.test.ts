import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decision } from '../../src/shared/decision';
import { PHASES, type PhaseName } from '../../src/shared/phases';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate, decisionSignal } from '../../src/workflows/messages';
import { queryStatus, waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { QUALITY_CRITERIA } from '../../src/activities/quality/quality-criteria';
import { FailureType } from '../../src/shared/failure-types';

const FEATURE = 'Add passwordless login with magic links';
const PACK_FILES = [
  'technical_spec',
  'architecture_diagram',
  'api_spec',
  'test_plan',
  'rollout_plan',
  'report',
  'tickets',
];

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

const result = (id: string) => stack.client.workflow.getHandle(id).result() as Promise<SpecRunStatus>;
const approve = (phase: PhaseName): Decision => ({ phase, action: 'approve', by: 'ana' });

describe('SpecWorkflow', () => {
  it('runs unattended with gates "none" and writes the whole pack and the tickets', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'none' });
    const status = await stack.withWorker(() => result(id));
    expect(status.status).toBe('completed');
    expect(status.phases.every((phase) => phase.state === 'approved')).toBe(true);
    const slug = 'add-passwordless-login-with-magic-links';
    const packDir = stack.store.packDir({ specId: id, slug });
    const files = await readdir(packDir);
    for (const prefix of PACK_FILES)
      expect(files).toContain(
        `${prefix}_${slug}.${{ technical_spec: 'md', architecture_diagram: 'mmd', api_spec: 'yaml', test_plan: 'md', rollout_plan: 'md', report: 'json', tickets: 'json' }[prefix]}`,
      );
    const tickets = await readdir(path.join(packDir, 'tickets'));
    expect(tickets).toContain('epic.md');
    expect(status.tickets.length).toBe(tickets.length);
    const report = JSON.parse(await readFile(path.join(packDir, `report_${slug}.json`), 'utf8'));
    expect(report.provenance).toMatch(/offline/);
    expect(report.validation.map((result: { validator: string }) => result.validator)).toEqual(
      expect.arrayContaining(['swagger-parser', 'mermaid.parse', 'headings of technical spec']),
    );
    expect(report.validation.filter((result: { valid: boolean }) => !result.valid)).toEqual([]);
    expect(report.quality.filter((result: { passed: boolean }) => !result.passed)).toEqual([]);
    expect(report.traceability.orphans).toEqual([]);
    expect(report.phases.map((phase: { phase: string }) => phase.phase)).toEqual([...PHASES]);
  });

  it('waits at every gate and moves on when each phase is approved through the update', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    const status = await stack.withWorker(async () => {
      for (const phase of PHASES) {
        await waitForGate(stack.client, id, phase);
        const outcome = await handle.executeUpdate(decideUpdate, { args: [approve(phase)] });
        expect(outcome).toMatchObject({ phase, action: 'approve', revision: 1 });
      }
      return result(id);
    });
    expect(status.status).toBe('completed');
    expect(status.decisions.map((decision) => [decision.phase, decision.by, decision.outcome])).toEqual(
      PHASES.map((phase) => [phase, 'ana', 'applied']),
    );
  });

  it('moves on when each phase is approved through the signal', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    const status = await stack.withWorker(async () => {
      for (const phase of PHASES) {
        await waitForGate(stack.client, id, phase);
        await handle.signal(decisionSignal, approve(phase));
      }
      return result(id);
    });
    expect(status.status).toBe('completed');
  });

  it('asks once with gates "final", showing every phase and every quality result', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'final' });
    const status = await stack.withWorker(async () => {
      const waiting = await waitForGate(stack.client, id, 'cost');
      expect(waiting.pendingApproval!.summary.split('\n').map((line) => line.split(':')[0])).toEqual([...PHASES]);
      expect(waiting.pendingApproval!.quality).toHaveLength(QUALITY_CRITERIA.length);
      await stack.client.workflow.getHandle(id).executeUpdate(decideUpdate, { args: [approve('cost')] });
      return result(id);
    });
    expect(status.decisions.map((decision) => decision.phase)).toEqual(['cost']);
  });

  it('refuses a decision for a phase that is not awaiting approval, without touching history', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const before = (await handle.fetchHistory()).events?.length;
      const refused = await handle
        .executeUpdate(decideUpdate, { args: [approve('architecture')] })
        .catch((error) => error);
      expect(refused).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(refused.cause).toMatchObject({
        type: FailureType.DecisionConflict,
        message: expect.stringContaining('waiting on "requirements"'),
      });
      expect((await handle.fetchHistory()).events?.length).toBe(before);
      await handle.terminate('test done');
    });
  });

  it('regenerates the phase with the reviewer feedback', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    const feedback = 'Links must expire after 15 minutes and work only once';
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const outcome = await handle.executeUpdate(decideUpdate, {
        args: [{ phase: 'requirements', action: 'request_changes', by: 'ana', comment: feedback }],
      });
      expect(outcome.next).toMatch(/revision 2/);
      const status = await waitForGate(stack.client, id, 'requirements', 2);
      expect(status.phases[0]).toMatchObject({ revision: 2 });
      const revision2 = JSON.parse(await readFile(path.join(stack.store.runDir(id), 'requirements.r2.json'), 'utf8'));
      expect(revision2.content.functional.map((requirement: { text: string }) => requirement.text)).toContain(
        `Reviewer request: ${feedback}`,
      );
      expect(revision2.content.reviewerNotes).toEqual([`Revision 2: ${feedback}`]);
      await handle.terminate('test done');
    });
  });

  it('sends comments on single items to the regeneration as targeted feedback', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const items = [
        { id: 'FR-1', comment: 'Say how long a link lives' },
        { id: 'US-1', comment: 'Add the expired-link case' },
      ];
      await handle.executeUpdate(decideUpdate, {
        args: [
          { phase: 'requirements', action: 'request_changes', by: 'ana', comment: 'Tighten the link rules', items },
        ],
      });
      await waitForGate(stack.client, id, 'requirements', 2);
      const revision2 = JSON.parse(await readFile(path.join(stack.store.runDir(id), 'requirements.r2.json'), 'utf8'));
      expect(revision2.content.reviewerNotes).toEqual([
        'Revision 2: Tighten the link rules; On FR-1: Say how long a link lives; On US-1: Add the expired-link case',
      ]);
      const status = await queryStatus(stack.client, id);
      expect(status.decisions[0]).toMatchObject({ action: 'request_changes', items, via: 'update', verified: false });
      await handle.terminate('test done');
    });
  });

  it("shows the feature and how to decide in the Temporal UI's summary and details", async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each', approvers: ['ana'] });
    const description = await stack.client.workflow.getHandle(id).describe();
    expect(await description.staticSummary()).toBe(`Spec: ${FEATURE}`);
    const details = await description.staticDetails();
    expect(details).toContain(`temporal workflow update execute --workflow-id ${id} --name decide`);
    expect(details).toContain('approvers: ana');
    await stack.client.workflow.getHandle(id).terminate('test done');
  });

  it('replaces the phase output with a valid edit and refuses an invalid one', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const generated = JSON.parse(
        await readFile(path.join(stack.store.runDir(id), 'requirements.r1.json'), 'utf8'),
      ).content;
      const invalid = await handle
        .executeUpdate(decideUpdate, {
          args: [{ phase: 'requirements', action: 'edit', by: 'ana', content: { ...generated, functional: [] } }],
        })
        .catch((error) => error);
      expect(invalid.cause).toMatchObject({
        type: FailureType.InvalidContent,
        message: expect.stringContaining('content.functional'),
      });
      expect((await queryStatus(stack.client, id)).pendingApproval?.phase).toBe('requirements');
      const edited = {
        ...generated,
        summary: 'Edited by Ana',
        functional: [...generated.functional, { id: 'FR-99', text: 'Links are single use', priority: 'must' }],
      };
      const outcome = await handle.executeUpdate(decideUpdate, {
        args: [{ phase: 'requirements', action: 'edit', by: 'ana', content: edited }],
      });
      expect(outcome).toMatchObject({ action: 'edit', revision: 2 });
      await waitForGate(stack.client, id, 'architecture');
      const stored = JSON.parse(await readFile(path.join(stack.store.runDir(id), 'requirements.r2.json'), 'utf8'));
      expect(stored).toMatchObject({ provider: 'edit by ana', content: { summary: 'Edited by Ana' } });
      const architecture = JSON.parse(
        await readFile(path.join(stack.store.runDir(id), 'architecture.r1.json'), 'utf8'),
      );
      expect(
        architecture.content.components.flatMap((component: { requirements: string[] }) => component.requirements),
      ).toContain('FR-99');
      await handle.terminate('test done');
    });
  });

  it('ends as cancelled on abort and keeps the approved phases in the pack', async () => {
    const id = await stack.start({ feature: 'Export invoices to CSV', gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    const status = await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      await handle.executeUpdate(decideUpdate, { args: [approve('requirements')] });
      await waitForGate(stack.client, id, 'architecture');
      await handle.executeUpdate(decideUpdate, {
        args: [{ phase: 'architecture', action: 'abort', by: 'ana', comment: 'Not this quarter' }],
      });
      return result(id);
    });
    expect(status.status).toBe('cancelled');
    expect(status.phases.slice(0, 2).map((phase) => phase.state)).toEqual(['approved', 'skipped']);
    const spec = await readFile(
      path.join(
        stack.store.packDir({ specId: id, slug: 'export-invoices-to-csv' }),
        'technical_spec_export-invoices-to-csv.md',
      ),
      'utf8',
    );
    expect(spec).toContain('### Functional requirements');
    expect(spec).toMatch(/## 2\. Architecture\n\n_Not part of this pack/);
    expect(spec).toContain('Not this quarter');
  });

  it('keeps approved work and ends as cancelled when the run is cancelled', async () => {
    const id = await stack.start({ feature: 'Schedule report emails', gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      await handle.executeUpdate(decideUpdate, { args: [approve('requirements')] });
      await waitForGate(stack.client, id, 'architecture');
      await handle.cancel();
      await expect(handle.result()).rejects.toThrow();
    });
    expect((await handle.describe()).status.name).toBe('CANCELLED');
    const files = await readdir(stack.store.packDir({ specId: id, slug: 'schedule-report-emails' }));
    expect(files).toContain('technical_spec_schedule-report-emails.md');
  });

  it('honours a decision signalled while no worker runs once one starts', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'each' });
    await stack.client.workflow.getHandle(id).signal(decisionSignal, approve('requirements'));
    const status = await stack.withWorker(() => waitForGate(stack.client, id, 'architecture'));
    expect(status.phases[0]).toMatchObject({ name: 'requirements', state: 'approved' });
    expect(status.decisions[0]).toMatchObject({
      phase: 'requirements',
      action: 'approve',
      by: 'ana',
      outcome: 'applied',
    });
    await stack.client.workflow.getHandle(id).terminate('test done');
  });

  it('carries answers to open questions into later phases and marks the others as assumptions', async () => {
    const id = await stack.start({ feature: 'Export invoices to CSV', gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    const status = await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      await handle.executeUpdate(decideUpdate, {
        args: [{ ...approve('requirements'), content: { answers: { 'Q-2': '500 requests per second at peak' } } }],
      });
      for (const phase of PHASES.slice(1)) {
        await waitForGate(stack.client, id, phase);
        await handle.executeUpdate(decideUpdate, { args: [approve(phase)] });
      }
      return result(id);
    });
    const cost = JSON.parse(await readFile(path.join(stack.store.runDir(id), 'cost.r1.json'), 'utf8'));
    expect(cost.content.load.peakRequestsPerSecond).toBe(500);
    const spec = await readFile(
      status.artifacts.find((artifact) => artifact.file.startsWith('technical_spec'))!.path,
      'utf8',
    );
    expect(spec).toContain('**Answer:** 500 requests per second at peak');
    expect(spec).toMatch(/Q-1 .*\*\*Assumption \(no answer yet\):\*\*/);
  });

  it('writes only inside the output folder whatever the feature text', async () => {
    const own = await createTestStack();
    const id = await own.start({ feature: '../../etc/passwd', gates: 'none' });
    const status = await own.withWorker(() => own.client.workflow.getHandle(id).result());
    await own.close();
    expect(status.slug).toBe('etc-passwd');
    for (const artifact of status.artifacts)
      expect(artifact.path.startsWith(path.join(own.outDir, 'etc-passwd') + path.sep)).toBe(true);
    expect(await readdir(own.outDir)).toEqual(['etc-passwd']);
    expect(await readdir(path.dirname(own.outDir))).toEqual(['home', 'specs']);
  });
});
