import type { Client } from '@temporalio/client';
import type { PhaseName } from '../shared/phases';
import { BasisRefusedError } from './basis-refused-error';
import { basisFrom, readBasisRun, startFromBasis, type BasisStartOptions } from './start-from-basis';

export interface AmendmentRequest {
  phase: PhaseName;
  comment: string;
  by: string;
  /** Close (as not planned) the old run's tickets the amended plan no longer has. */
  closeRemoved?: boolean;
}

export interface StartedAmendment {
  id: string;
  amends: string;
  version: number;
}

/**
 * Starts a new version of a finished spec: a run that adopts the approved phases of run `id` and
 * reopens `amendment.phase` with the comment. Only a completed run is amended; an open one takes a
 * reopen decision instead, and a failed one is retried.
 */
export async function startAmendment(
  client: Client,
  taskQueue: string,
  id: string,
  amendment: AmendmentRequest,
  options: BasisStartOptions = {},
): Promise<StartedAmendment> {
  const old = await readBasisRun(client, id);
  const { status, request } = old;
  if (status.temporalStatus !== 'COMPLETED' || status.status !== 'completed') {
    const instead = ['running', 'awaiting_approval'].includes(status.status)
      ? `send a reopen decision to POST /v1/specs/${id}/decisions`
      : status.status === 'failed'
        ? `retry it with POST /v1/specs/${id}/retry`
        : 'start a new run';
    throw new BasisRefusedError(
      'conflict',
      `run ${id} is ${status.status}: only a completed run can be amended; ${instead}`,
    );
  }
  if (request.approvers?.length && !request.approvers.includes(amendment.by))
    throw new BasisRefusedError('forbidden', `"${amendment.by}" is not an approver of run ${id}`, 'by');
  const basis = basisFrom('amendment', old, {
    phase: amendment.phase,
    comment: amendment.comment,
    by: amendment.by,
  });
  if (basis.approved[amendment.phase] === undefined)
    throw new BasisRefusedError(
      'conflict',
      `run ${id} did not approve "${amendment.phase}": only an approved phase can be reopened`,
      'phase',
    );
  const tickets =
    amendment.closeRemoved === undefined
      ? request.tickets
      : { target: request.tickets?.target ?? 'file', ...request.tickets, closeRemoved: amendment.closeRemoved };
  const newId = await startFromBasis(client, taskQueue, old, basis, { ...options, tickets });
  return { id: newId, amends: id, version: basis.version };
}
