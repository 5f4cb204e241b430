import { defaultPayloadConverter } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import type { SpecStatus } from '../shared/spec-run';
import { SPEC_WORKFLOW_TYPE } from './start-spec';

export interface SpecSummary {
  id: string;
  feature: string;
  status: string;
  phase: string;
  temporalStatus: string;
  startedAt?: string;
  closedAt?: string;
}

/** One page of runs from Temporal visibility, newest first; the cursor is Temporal's page token. */
export async function listSpecs(
  client: Client,
  namespace: string,
  options: { status?: SpecStatus; limit: number; cursor?: string },
): Promise<{ items: SpecSummary[]; nextCursor: string | null }> {
  const query = [
    `WorkflowType = '${SPEC_WORKFLOW_TYPE}'`,
    ...(options.status ? [`SpecStatus = '${options.status}'`] : []),
  ].join(' AND ');
  const page = await client.workflowService.listWorkflowExecutions({
    namespace,
    query,
    pageSize: options.limit,
    nextPageToken: options.cursor ? Buffer.from(options.cursor, 'base64url') : undefined,
  });
  const items = (page.executions ?? []).map((execution): SpecSummary => {
    const attribute = (name: string) => {
      const payload = execution.searchAttributes?.indexedFields?.[name];
      return payload ? String(defaultPayloadConverter.fromPayload(payload)) : '';
    };
    const temporalStatus = String(proto.temporal.api.enums.v1.WorkflowExecutionStatus[execution.status ?? 0]).replace(
      'WORKFLOW_EXECUTION_STATUS_',
      '',
    );
    return {
      id: execution.execution?.workflowId ?? '',
      feature: attribute('SpecFeature'),
      status: attribute('SpecStatus'),
      phase: attribute('SpecPhase'),
      temporalStatus,
      startedAt: timestamp(execution.startTime),
      closedAt: timestamp(execution.closeTime),
    };
  });
  const token = page.nextPageToken?.length ? Buffer.from(page.nextPageToken).toString('base64url') : null;
  return { items, nextCursor: token };
}

function timestamp(value: { seconds?: unknown; nanos?: number | null } | null | undefined): string | undefined {
  if (!value?.seconds) return undefined;
  return new Date(Number(value.seconds) * 1000 + Math.floor((value.nanos ?? 0) / 1e6)).toISOString();
}
