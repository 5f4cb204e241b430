import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Decision } from '../shared/decision';
import { DECISION_FAILURE_TYPES } from '../shared/decision-check';
import { decideUpdate, type DecisionOutcome } from '../workflows/messages';
import { SpecNotFoundError } from './read-spec-status';
import { withTemporalDeadline } from './temporal-deadline';

export class DecisionRefusedError extends Error {
  override name = 'DecisionRefusedError';
  constructor(
    readonly kind: 'conflict' | 'invalid' | 'forbidden' | 'no_worker',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const UPDATE_TIMEOUT_MS = 15_000;

/**
 * Sends a decision as an update and returns what the run did with it; refusals become typed errors.
 * A function is called only once the run is known to be open: it may store the decision's content.
 */
export async function decideSpec(
  client: Client,
  id: string,
  decision: Decision | (() => Promise<Decision>),
): Promise<DecisionOutcome> {
  const handle = client.workflow.getHandle(id);
  try {
    const description = await withTemporalDeadline(client, () => handle.describe());
    if (description.status.name !== 'RUNNING')
      throw new DecisionRefusedError('conflict', finishedMessage(id, description.status.name));
    return await Promise.race([
      handle.executeUpdate(decideUpdate, { args: [typeof decision === 'function' ? await decision() : decision] }),
      new Promise<never>((_, reject) =>
        setTimeout(
          () =>
            reject(
              new DecisionRefusedError(
                'no_worker',
                `No worker answered within ${UPDATE_TIMEOUT_MS / 1000} s; the decision was not applied. Start a worker, or send it as the "decision" signal, which waits for one.`,
              ),
            ),
          UPDATE_TIMEOUT_MS,
        ).unref(),
      ),
    ]);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new SpecNotFoundError(`No spec run "${id}"`);
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
      const failure = error.cause;
      const field = typeof failure.details?.[0] === 'string' ? failure.details[0] : undefined;
      const kind =
        failure.type === DECISION_FAILURE_TYPES.conflict
          ? 'conflict'
          : failure.type === DECISION_FAILURE_TYPES.forbidden
            ? 'forbidden'
            : 'invalid';
      throw new DecisionRefusedError(kind, failure.message, field);
    }
    throw error;
  }
}

/** A finished run takes no decision; a completed spec changes through an amendment, a failed run through a retry. */
function finishedMessage(id: string, temporalStatus: string): string {
  const finished = `the run has finished (${temporalStatus.toLowerCase()})`;
  if (temporalStatus === 'COMPLETED')
    return `${finished}: to change an approved phase, amend the spec (POST /v1/specs/${id}/amendments, or specforge amend)`;
  if (temporalStatus === 'FAILED')
    return `${finished}: retry it from the phase that failed (POST /v1/specs/${id}/retry, or specforge retry)`;
  return finished;
}
