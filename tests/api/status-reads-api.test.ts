import { describe, expect, it } from 'vitest';
import { waitForGate } from '../helpers/spec-helpers';
import type { ApiServer } from '../helpers/api-server';
import type { TestStack } from '../helpers/test-stack';
import { useApiServer } from '../helpers/use-api-server';

let stack: TestStack;
let api: ApiServer;
// A bound no test step outlasts: an answer after a decision is fresh only because the decision dropped the entry.
useApiServer((started) => ({ stack, api } = started), { statusFreshForMs: 60_000 });

/** Counts the describes and queries this stack's client sends, as the API's reads of a run. */
function countTemporalReads() {
  const service = stack.client.workflowService;
  const describe = service.describeWorkflowExecution;
  const query = service.queryWorkflow;
  const counted = { describes: 0, queries: 0 };
  service.describeWorkflowExecution = ((request: Parameters<typeof describe>[0]) => {
    counted.describes += 1;
    return describe.call(service, request);
  }) as typeof describe;
  service.queryWorkflow = ((request: Parameters<typeof query>[0]) => {
    counted.queries += 1;
    return query.call(service, request);
  }) as typeof query;
  return {
    counted,
    restore: () => {
      service.describeWorkflowExecution = describe;
      service.queryWorkflow = query;
    },
  };
}

describe('GET /v1/specs/:id under many readers', () => {
  it('answers concurrent reads of a run (the API and the review page) with one describe and one query, and a decision sent here at once', async () => {
    const created = await api.call('POST', '/v1/specs', { feature: 'Export invoices to CSV', gates: 'each' });
    const id: string = created.json.id;
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const reads = countTemporalReads();
      try {
        const [answers, pageStates] = await Promise.all([
          Promise.all(Array.from({ length: 10 }, () => api.call('GET', `/v1/specs/${id}`))),
          Promise.all(Array.from({ length: 10 }, () => api.call('GET', `/specs/${id}/state`))),
        ]);
        expect(answers.map((answer) => answer.json.pendingApproval?.phase)).toEqual(Array(10).fill('requirements'));
        expect(pageStates.map((state) => state.json.pending?.phase)).toEqual(Array(10).fill('requirements'));
        expect(reads.counted).toEqual({ describes: 1, queries: 1 });

        const decided = await api.call('POST', `/v1/specs/${id}/decisions`, {
          phase: 'requirements',
          action: 'approve',
          by: 'ana',
        });
        expect(decided.status, decided.text).toBe(200);
        const after = await api.call('GET', `/v1/specs/${id}`);
        expect(after.json.decisions.map((decision: { phase: string }) => decision.phase)).toContain('requirements');
      } finally {
        reads.restore();
      }
      await stack.client.workflow.getHandle(id).terminate('test done');
    });
  });
});
