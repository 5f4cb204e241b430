import { defaultPayloadConverter } from '@temporalio/common';
import { decodeMapFromPayloads } from '@temporalio/common/lib/internal-non-workflow';
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import type { SpecStatus } from '../shared/spec-run';
import { decodePageCursor, encodePageCursor, InvalidCursorError } from './page-cursor';
import { SPEC_WORKFLOW_TYPE } from './start-spec';
import { withTemporalDeadline } from './temporal-deadline';

const INVALID_ARGUMENT = 3; // gRPC status code

export interface SpecSummary {
  id: string;
  feature: string;
  status: string;
  phase: string;
  temporalStatus: string;
  startedAt?: string;
  closedAt?: string;
}

/** One page of runs from Temporal visibility, newest first; the cursor wraps Temporal's page token (page-cursor.ts). */
export async function listSpecs(
  client: Client,
  namespace: string,
  options: { status?: SpecStatus; limit: number; cursor?: string },
): Promise<{ items: SpecSummary[]; nextCursor: string | null }> {
  const query = [
    `WorkflowType = '${SPEC_WORKFLOW_TYPE}'`,
    // A run that continued as new lives on under the same id: list only its latest execution.
    `ExecutionStatus != 'ContinuedAsNew'`,
    ...(options.status ? [`SpecStatus = '${options.status}'`] : []),
  ].join(' AND ');
  const nextPageToken = options.cursor === undefined ? undefined : decodePageCursor(options.cursor);
  if (options.cursor !== undefined && !nextPageToken) throw new InvalidCursorError();
  const page = await withTemporalDeadline(client, () =>
    client.workflowService.listWorkflowExecutions({ namespace, query, pageSize: options.limit, nextPageToken }),
  ).catch((error: { code?: number }) => {
    // A token from another query or an older server: Temporal refuses it as an invalid argument.
    if (nextPageToken && error.code === INVALID_ARGUMENT) throw new InvalidCursorError();
    throw error;
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
  // A run started by an encrypting client has no SpecFeature: its memo (decoded by the client's codec) has it.
  await Promise.all(
    items.map(async (item, index) => {
      item.feature ||= await memoFeature(client, page.executions?.[index]?.memo?.fields);
    }),
  );
  return { items, nextCursor: encodePageCursor(page.nextPageToken) };
}

/** '' when the memo does not decode (its key was dropped from SPECFORGE_ENCRYPTION_KEYS): one old run must not hide the list. */
async function memoFeature(client: Client, fields: Parameters<typeof decodeMapFromPayloads>[1]): Promise<string> {
  const memo = await decodeMapFromPayloads(client.options.loadedDataConverter, fields).catch(() => undefined);
  return (memo?.request as { feature?: string } | undefined)?.feature ?? '';
}

function timestamp(value: { seconds?: unknown; nanos?: number | null } | null | undefined): string | undefined {
  if (!value?.seconds) return undefined;
  return new Date(Number(value.seconds) * 1000 + Math.floor((value.nanos ?? 0) / 1e6)).toISOString();
}
