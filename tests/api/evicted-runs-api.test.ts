import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { evictExpired } from '../../src/activities/artifacts/evict-expired';
import { scheduleEviction } from '../../src/workers/eviction-schedule';
import { temporalRunState } from '../../src/workers/temporal-run-state';
import { type ApiServer } from '../helpers/api-server';
import { waitForGate } from '../helpers/spec-helpers';
import { type TestStack } from '../helpers/test-stack';
import { useApiServer } from '../helpers/use-api-server';

const DAY_MS = 24 * 60 * 60 * 1000;
const SLUG = 'export-invoices-to-csv';

let stack: TestStack;
let api: ApiServer;
useApiServer((started) => ({ stack, api } = started));

async function startRun(gates: 'none' | 'each'): Promise<string> {
  const created = await api.call('POST', '/v1/specs', { feature: 'Export invoices to CSV', gates });
  expect(created.status, created.text).toBe(201);
  return created.json.id;
}

function expectGone(response: Awaited<ReturnType<ApiServer['call']>>): void {
  expect(response.status, response.text).toBe(410);
  expect(response.type).toContain('application/problem+json');
  expect(response.json).toMatchObject({ status: 410, title: 'Gone' });
  expect(response.json.detail).toContain('SPECFORGE_RETENTION_DAYS');
  expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual(['id']);
}

describe('a run evicted after the retention period', () => {
  it('loses its revisions only when closed for longer than the retention, and the API says 410 Gone', async () => {
    const closed = await startRun('none');
    const open = await startRun('each');
    await stack.withWorker(async () => {
      await stack.client.workflow.getHandle(closed).result();
      await waitForGate(stack.client, open, 'requirements');
      const runState = temporalRunState(stack.client);
      // A month and a day later, by the injected clock: the open run is as old, and is kept.
      const later = new Date(Date.now() + 31 * DAY_MS);
      const soon = new Date(Date.now() + 29 * DAY_MS);
      expect((await evictExpired(stack.store, { retentionDays: 30, now: soon, runState })).runs).toEqual([]);
      const report = await evictExpired(stack.store, { retentionDays: 30, now: later, runState });
      expect(report.runs).toEqual([closed]);
    });
    expect(await readdir(stack.store.runDir(closed))).toEqual(['evicted.json']);
    expect(await readdir(stack.store.runDir(open))).toContain('requirements.r1.json');

    expectGone(await api.call('GET', `/v1/specs/${closed}/phases/requirements`));
    expectGone(await api.call('GET', `/v1/specs/${closed}/phases/architecture/revisions/1`));
    expectGone(await api.call('GET', `/v1/specs/${closed}/phases/api/diff?from=1&to=1`));
    expectGone(await api.call('POST', `/v1/specs/${closed}/phases/database/validate`, { tables: [] }));
    // The run's status still reads from Temporal, and its pack, the deliverable, stays.
    expect((await api.call('GET', `/v1/specs/${closed}`)).json.status).toBe('completed');
    expect((await api.call('GET', `/v1/specs/${closed}/artifacts/technical_spec_${SLUG}.md`)).status).toBe(200);
    // The open run reads as before.
    expect((await api.call('GET', `/v1/specs/${open}/phases/requirements`)).status).toBe(200);
    // A run that never existed is still 404, not 410.
    expect((await api.call('GET', '/v1/specs/spec-never-ran-00000000/phases/requirements')).status).toBe(404);
    await stack.client.workflow.getHandle(open).terminate('test done');
  });

  it('is evicted by the worker as soon as it starts, asking Temporal which runs are closed', async () => {
    const closed = await startRun('none');
    await stack.withWorker(() => stack.client.workflow.getHandle(closed).result());
    const messages: string[] = [];
    // A retention of a few microseconds stands in for the month, so the pass at start evicts the run.
    const schedule = scheduleEviction({
      store: stack.store,
      client: stack.client,
      retentionDays: 1e-10,
      log: (message) => messages.push(message),
    });
    await schedule.stop();
    expect(await readdir(stack.store.runDir(closed))).toEqual(['evicted.json']);
    expect(messages.join('\n')).toMatch(/evicted \d+ runs closed more than/);
    expectGone(await api.call('GET', `/v1/specs/${closed}/phases/requirements`));
  });
});
