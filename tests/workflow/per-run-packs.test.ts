import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packFiles } from '../../src/activities/render/pack-files';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { createTestStack, type TestStack } from '../helpers/test-stack';

const FEATURE = 'Export invoices to CSV';
const SLUG = 'export-invoices-to-csv';
const RUNS = 10;

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

const result = (id: string) => stack.client.workflow.getHandle(id).result() as Promise<SpecRunStatus>;

describe('runs of the same feature', () => {
  it(`each serve their own files when ${RUNS} identical runs go at once`, async () => {
    const ids = await Promise.all(Array.from({ length: RUNS }, () => stack.start({ feature: FEATURE, gates: 'none' })));
    const statuses = await stack.withWorker(() => Promise.all(ids.map(result)));
    expect(new Set(ids).size).toBe(RUNS);
    expect((await readdir(path.join(stack.outDir, SLUG))).sort()).toEqual([...ids].sort());
    for (const [index, status] of statuses.entries()) {
      const id = ids[index]!;
      const folder = stack.store.packDir({ specId: id, slug: SLUG });
      expect(status.status).toBe('completed');
      // Every file the run lists is in its own folder, and is this run's.
      for (const artifact of status.artifacts) expect(path.dirname(artifact.path)).toBe(folder);
      const report = JSON.parse(await readFile(path.join(folder, packFiles(SLUG).report), 'utf8'));
      expect(report.specId).toBe(id);
      const ticketIndex = JSON.parse(await readFile(path.join(folder, packFiles(SLUG).tickets), 'utf8'));
      expect(ticketIndex.plan.specId).toBe(id);
      expect(ticketIndex.created.map((ticket: { key: string }) => ticket.key).sort()).toEqual(
        status.tickets.map((ticket) => ticket.key).sort(),
      );
      // tickets/ holds this run's tickets only: each carries this run's marker.
      const tickets = await readdir(path.join(folder, 'tickets'));
      expect(tickets.length).toBe(status.tickets.length);
      for (const file of tickets)
        expect(await readFile(path.join(folder, 'tickets', file), 'utf8')).toContain(`specforge:${id}:`);
      // A ticket's URL names its file relative to the output root, never a server path.
      for (const ticket of status.tickets) {
        expect(ticket.url).toBe(`${SLUG}/${id}/tickets/${ticket.key}.md`);
        expect(ticket.url).not.toContain(stack.outDir);
      }
      // No temporary file is left behind.
      expect((await readdir(folder)).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    }
  });

  it('refuses an outDir outside the output root at its start, naming SPECFORGE_OUT, and writes nothing there', async () => {
    const elsewhere = path.join(path.dirname(stack.outDir), 'elsewhere');
    const id = await stack.start({ feature: FEATURE, gates: 'none', outDir: elsewhere });
    const failure = await stack.withWorker(() =>
      result(id).then(
        () => undefined,
        (error: unknown) => error,
      ),
    );
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    const activity = (failure as WorkflowFailedError).cause as Error & { cause?: Error };
    expect(activity.cause?.message).toContain('SPECFORGE_OUT');
    // Refused before the first phase, not when the pack is rendered.
    expect(activity).toMatchObject({ activityType: 'checkRunSettings' });
    await expect(stat(elsewhere)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('writes a run that names a folder inside the output root there', async () => {
    const id = await stack.start({ feature: FEATURE, gates: 'none', outDir: 'team-a' });
    const status = await stack.withWorker(() => result(id));
    const folder = path.join(stack.outDir, 'team-a', SLUG, id);
    expect(status.artifacts.map((artifact) => path.dirname(artifact.path))).toEqual(status.artifacts.map(() => folder));
  });
});
