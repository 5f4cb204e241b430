import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { TICKETS_GATE } from '../src/shared/decision';
import type { SpecRunStatus } from '../src/shared/spec-run';
import { decideUpdate, statusQuery } from '../src/workflows/messages';

const POLL_MS = 20;

/**
 * A reviewer who approves every phase gate the moment it opens, until the run waits at the
 * tickets gate after at least `approvals` of them (so the tickets gate a reopen was taken at does not count).
 */
export async function approveToTickets(client: Client, id: string, approvals: number): Promise<SpecRunStatus> {
  const handle = client.workflow.getHandle(id);
  let approved = 0;
  for (;;) {
    const status = await handle.query(statusQuery);
    if (['failed', 'cancelled', 'completed'].includes(status.status))
      throw new Error(`${id} ended ${status.status} before the tickets gate: ${status.error ?? ''}`);
    const pending = status.pendingApproval;
    if (pending?.phase === TICKETS_GATE && approved >= approvals) return status;
    if (pending && pending.phase !== TICKETS_GATE) {
      // A gate the run moved past between the query and the update refuses the approval: poll again.
      const accepted = await handle
        .executeUpdate(decideUpdate, { args: [{ phase: pending.phase, action: 'approve', by: 'bench' }] })
        .then(
          () => true,
          (failure: unknown) => {
            if (failure instanceof WorkflowUpdateFailedError) return false;
            throw failure;
          },
        );
      if (accepted) approved += 1;
      continue;
    }
    await sleep(POLL_MS);
  }
}
