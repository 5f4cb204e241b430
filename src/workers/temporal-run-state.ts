import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { RunState } from '../activities/artifacts/evict-expired';

/** Whether a run is open, asked of Temporal: the one source that cannot miss a close. */
export function temporalRunState(client: Client): (specId: string) => Promise<RunState> {
  return async (specId) => {
    try {
      const description = await client.workflow.getHandle(specId).describe();
      if (description.status.name === 'RUNNING' || !description.closeTime) return { state: 'open' };
      return { state: 'closed', closedAt: description.closeTime };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { state: 'unknown' };
      throw error;
    }
  };
}
