import { describe, expect, it } from 'vitest';
import type { PhaseName } from '../../src/shared/phases';
import type { ApiServer } from '../helpers/api-server';
import { waitForGate } from '../helpers/spec-helpers';
import type { TestStack } from '../helpers/test-stack';
import { useApiServer } from '../helpers/use-api-server';
import { waitFor } from '../helpers/wait-for';
import { sampleValue } from './sample-value';

let stack: TestStack;
let api: ApiServer;
useApiServer((started) => ({ stack, api } = started));

const scrape = async () => {
  const response = await api.call('GET', '/metrics');
  expect(response.status).toBe(200);
  return response.text;
};

/** Polls the exposition until the runs-waiting sample for `phase` reads `count` (visibility lags; counts are cached). */
const waitForWaiting = (phase: PhaseName, count: number) =>
  waitFor(
    async () => {
      const text = await scrape();
      return sampleValue(text, 'specforge_runs_waiting', { phase }) === count ? text : undefined;
    },
    `specforge_runs_waiting{phase="${phase}"} ${count}`,
    60_000,
  );

describe('GET /metrics on the API', () => {
  it('is Prometheus text with each family once, the process families included', async () => {
    const response = await api.call('GET', '/metrics');
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/plain; version=0.0.4; charset=utf-8');
    const declared = response.text.split('\n').filter((line) => line.startsWith('# TYPE '));
    expect(new Set(declared).size).toBe(declared.length);
    expect(response.text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(response.text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('counts requests by method, route template and status, and times them', async () => {
    await api.call('GET', '/healthz');
    await api.call('GET', '/healthz');
    await api.call('GET', '/v1/specs/spec-nobody-started-1a2b3c4d');
    await api.call('GET', '/no/such/page');
    const text = await scrape();
    expect(
      sampleValue(text, 'specforge_http_requests_total', { method: 'GET', route: '/healthz', status: '200' }),
    ).toBe(2);
    // The id is not a label: every run's reads share the route's series.
    expect(
      sampleValue(text, 'specforge_http_requests_total', { method: 'GET', route: '/v1/specs/:id', status: '404' }),
    ).toBe(1);
    expect(
      sampleValue(text, 'specforge_http_requests_total', { method: 'GET', route: 'unmatched', status: '404' }),
    ).toBe(1);
    expect(text).not.toContain('spec-nobody-started-1a2b3c4d');
    expect(
      sampleValue(text, 'specforge_http_request_duration_seconds_count', { method: 'GET', route: '/healthz' }),
    ).toBe(2);
    expect(text).toMatch(
      /^specforge_http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/healthz"\} 2$/m,
    );
  });

  it('counts the runs waiting at each gate, from Temporal, as they move on', async () => {
    const created = await api.call('POST', '/v1/specs', { feature: 'Export invoices as CSV', gates: 'each' });
    expect(created.status).toBe(201);
    const id: string = created.json.id;
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const parked = await waitForWaiting('requirements', 1);
      expect(sampleValue(parked, 'specforge_runs_waiting', { phase: 'architecture' })).toBe(0);
      expect(sampleValue(parked, 'specforge_runs_waiting', { phase: 'tickets' })).toBe(0);
      const decided = await api.call('POST', `/v1/specs/${id}/decisions`, {
        phase: 'requirements',
        action: 'approve',
        by: 'ana',
      });
      expect(decided.status, decided.text).toBe(200);
      await waitForGate(stack.client, id, 'architecture');
      const moved = await waitForWaiting('architecture', 1);
      expect(sampleValue(moved, 'specforge_runs_waiting', { phase: 'requirements' })).toBe(0);
      await stack.client.workflow.getHandle(id).terminate('test done');
    });
    await waitForWaiting('architecture', 0);
  });
});
