import type { Client } from '@temporalio/client';
import type { SpecRequest } from '../shared/spec-run';
import { SPEC_FEATURE, SPEC_PHASE, SPEC_STATUS } from '../workflows/search-attributes';
import { newSpecId } from './spec-id';

export const SPEC_WORKFLOW_TYPE = 'specWorkflow';

export async function startSpec(client: Client, taskQueue: string, request: SpecRequest): Promise<string> {
  const id = newSpecId(request.feature);
  await client.workflow.start(SPEC_WORKFLOW_TYPE, {
    taskQueue,
    workflowId: id,
    args: [request],
    // Set at start so the UI can filter the run before a worker has picked it up.
    typedSearchAttributes: [
      { key: SPEC_STATUS, value: 'running' },
      { key: SPEC_PHASE, value: 'requirements' },
      { key: SPEC_FEATURE, value: request.feature.slice(0, 1000) },
    ],
    memo: { request: { feature: request.feature, gates: request.gates ?? 'each' } },
  });
  return id;
}
