import type { Client } from '@temporalio/client';
import type { GateName } from '../../src/shared/decision';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { statusQuery } from '../../src/workflows/messages';
import { waitFor } from './wait-for';

export function queryStatus(client: Client, id: string): Promise<SpecRunStatus> {
  return client.workflow.getHandle(id).query(statusQuery);
}

/** Resolves once the run waits for a decision on `phase` (at `revision`, when given). */
export function waitForGate(client: Client, id: string, phase: GateName, revision?: number): Promise<SpecRunStatus> {
  return waitFor(async () => {
    const status = await queryStatus(client, id);
    const pending = status.pendingApproval;
    return pending?.phase === phase && (revision === undefined || pending.revision === revision) ? status : undefined;
  }, `the ${phase} gate`);
}

/** The run's result, or the error it failed with (a WorkflowFailedError when the run failed). */
export function resultOrFailure(client: Client, id: string): Promise<any> {
  return client.workflow
    .getHandle(id)
    .result()
    .catch((failure: unknown) => failure);
}
