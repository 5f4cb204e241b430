import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/activities/artifacts/hash';
import { packFiles } from '../../src/activities/render/pack-files';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate } from '../../src/workflows/messages';
import { readSpecStatus } from '../../src/runs/read-spec-status';
import { waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

async function expectRecordedMatchesDisk(status: SpecRunStatus, slug: string): Promise<void> {
  expect(status.artifacts.map((artifact) => artifact.file)).toContain(packFiles(slug).tickets);
  for (const artifact of status.artifacts) {
    const bytes = await readFile(artifact.path);
    expect({ file: artifact.file, sha256: artifact.sha256, bytes: artifact.bytes }).toEqual({
      file: artifact.file,
      sha256: sha256(bytes),
      bytes: bytes.length,
    });
  }
}

describe('the sha256 a run records for each file', () => {
  it('matches the file on disk, the ticket index included, once the tickets are created', async () => {
    const id = await stack.start({ feature: 'Export invoices to CSV', gates: 'none' });
    const status = await stack.withWorker(() => stack.client.workflow.getHandle(id).result());
    expect(status.tickets.length).toBeGreaterThan(0);
    await expectRecordedMatchesDisk(status, 'export-invoices-to-csv');
    // What status readers see once the run has closed and no worker answers: the memo.
    await expectRecordedMatchesDisk(await readSpecStatus(stack.client, id), 'export-invoices-to-csv');
  });

  it('matches after the ticket plan was reviewed at its gate', async () => {
    const id = await stack.start({
      feature: 'Schedule report emails',
      gates: 'none',
      tickets: { target: 'file', review: true },
    });
    const handle = stack.client.workflow.getHandle(id);
    const status = await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'tickets');
      await handle.executeUpdate(decideUpdate, { args: [{ phase: 'tickets', action: 'approve', by: 'ana' }] });
      return (await handle.result()) as SpecRunStatus;
    });
    await expectRecordedMatchesDisk(status, 'schedule-report-emails');
  });
});
