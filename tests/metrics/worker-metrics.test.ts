import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startSpec } from '../../src/runs/start-spec';
import { freePort } from '../helpers/free-port';
import { waitFor } from '../helpers/wait-for';
import { workerProcesses } from '../helpers/worker-process';
import { sampleValue } from './sample-value';

const workers = workerProcesses();
afterAll(() => workers.killAll());

/**
 * The standalone worker in its own process: the Temporal runtime is installed there with its
 * Prometheus exporter (in the test process the runtime is already installed without one).
 */
describe('the standalone worker with SPECFORGE_METRICS_PORT', () => {
  it("serves Temporal's own families (task slots, poll latency, schedule-to-start) beside the process's", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-worker-metrics-'));
    const taskQueue = `worker-metrics-${Date.now()}`;
    const port = await freePort();
    workers.start({
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_TASK_QUEUE: taskQueue,
      SPECFORGE_HOME: path.join(root, 'home'),
      SPECFORGE_OUT: path.join(root, 'specs'),
      SPECFORGE_METRICS_PORT: String(port),
      OPENAI_API_KEY: '',
      SPECFORGE_ENCRYPTION_KEYS: '',
    });
    const scrape = async () => {
      const response = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      return response.text();
    };
    const connection = await Connection.connect({ address: inject('temporalAddress') });
    const client = new Client({ connection });
    try {
      const id = await startSpec(client, taskQueue, { feature: 'Export invoices as CSV', gates: 'each' });
      const text = await waitFor(
        async () => {
          const current = await scrape();
          const activityWaits = sampleValue(current, 'temporal_activity_schedule_to_start_latency_count', {
            namespace: 'default',
            service_name: 'temporal-core-sdk',
            task_queue: taskQueue,
          });
          return activityWaits !== undefined && activityWaits > 0 ? current : undefined;
        },
        'an activity schedule-to-start sample',
        90_000,
      );
      const queue = { namespace: 'default', service_name: 'temporal-core-sdk', task_queue: taskQueue };
      expect(
        sampleValue(text, 'temporal_worker_task_slots_available', { ...queue, worker_type: 'ActivityWorker' }),
      ).toBeGreaterThan(0);
      expect(sampleValue(text, 'temporal_workflow_task_schedule_to_start_latency_count', queue)).toBeGreaterThan(0);
      expect(
        sampleValue(text, 'temporal_long_request_latency_count', { ...queue, operation: 'PollWorkflowTaskQueue' }),
      ).toBeGreaterThan(0);
      expect(text).toContain('# TYPE process_resident_memory_bytes gauge');
      const declared = text.split('\n').filter((line) => line.startsWith('# TYPE '));
      expect(new Set(declared).size).toBe(declared.length);
      await client.workflow.getHandle(id).terminate('test done');
    } finally {
      await connection.close();
    }
  }, 120_000);
});
