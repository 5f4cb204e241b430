import type { Client } from '@temporalio/client';
import { decodeArrayFromPayloads } from '@temporalio/common/lib/internal-non-workflow';
import type { SpecRequest } from '../shared/spec-run';
import { SpecNotFoundError } from './read-spec-status';
import { withTemporalDeadline } from './temporal-deadline';

const NOT_FOUND = 5; // gRPC status code

/**
 * What the latest run under `id` was started with: the input of the first event of its history,
 * decoded by the client's data converter (so an encrypted run reads as plain). After a
 * continue-as-new this is the continued run's input, which carries its `continuation`.
 */
export async function readSpecRequest(client: Client, id: string): Promise<SpecRequest> {
  const page = await withTemporalDeadline(client, () =>
    client.workflowService.getWorkflowExecutionHistory({
      namespace: client.options.namespace,
      execution: { workflowId: id },
      maximumPageSize: 1,
    }),
  ).catch((error: { code?: number }) => {
    if (error.code === NOT_FOUND) throw new SpecNotFoundError(`No spec run "${id}"`);
    throw error;
  });
  const started = page.history?.events?.[0]?.workflowExecutionStartedEventAttributes;
  if (!started) throw new SpecNotFoundError(`No spec run "${id}"`);
  const [request] = await decodeArrayFromPayloads(client.options.loadedDataConverter, started.input?.payloads);
  return request as SpecRequest;
}
