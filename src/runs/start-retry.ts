import type { Client } from '@temporalio/client';
import { BasisRefusedError } from './basis-refused-error';
import { basisFrom, readBasisRun, startFromBasis, type BasisStartOptions } from './start-from-basis';

export interface StartedRetry {
  id: string;
  retries: string;
}

/**
 * Starts a run that takes over the approved phases of failed (or cancelled) run `id` and goes on
 * from the phase that stopped: nothing approved is asked again. The spec's version stays the old
 * run's. A cancelled amendment is taken up this way: its version's id is spent, so it cannot be made again.
 */
export async function startRetry(
  client: Client,
  taskQueue: string,
  id: string,
  options: BasisStartOptions = {},
): Promise<StartedRetry> {
  const old = await readBasisRun(client, id);
  if (old.status.status !== 'failed' && old.status.status !== 'cancelled') {
    const instead =
      old.status.status === 'completed'
        ? `; to change it, amend it with POST /v1/specs/${id}/amendments`
        : '; it is still open';
    throw new BasisRefusedError(
      'conflict',
      `run ${id} is ${old.status.status}: only a failed or cancelled run can be retried${instead}`,
    );
  }
  const newId = await startFromBasis(client, taskQueue, old, basisFrom('retry', old), options);
  return { id: newId, retries: id };
}
