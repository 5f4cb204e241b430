import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { StartSettings } from '../config/start-settings';
import { PHASES, type PhaseName } from '../shared/phases';
import type { SpecBasis, SpecRequest, SpecRunStatus } from '../shared/spec-run';
import { readSpecRequest } from './read-spec-request';
import { readSpecStatus } from './read-spec-status';
import { BasisRefusedError } from './basis-refused-error';
import { derivedSpecId } from './spec-id';
import { startSpec } from './start-spec';

export type BasisStartOptions = { reviewUrl?: string } & Partial<StartSettings>;

/** A run an amendment or retry starts from: its status (memo once closed) and what started it. */
export interface BasisRun {
  status: SpecRunStatus & { temporalStatus: string };
  request: SpecRequest;
}

export async function readBasisRun(client: Client, id: string): Promise<BasisRun> {
  const status = await readSpecStatus(client, id);
  return { status, request: await readSpecRequest(client, id) };
}

/** The phases the run approved, with the revision of each (a status read from search attributes has none: revision 0). */
export function approvedPhases(status: SpecRunStatus): Partial<Record<PhaseName, number>> {
  const approved: Partial<Record<PhaseName, number>> = {};
  for (const phase of status.phases)
    if (phase.state === 'approved' && phase.revision > 0 && PHASES.includes(phase.name))
      approved[phase.name] = phase.revision;
  return approved;
}

/** The basis of a new run from `old`; lineage and version fall back to the old run's own basis, then to a first run. */
export function basisFrom(kind: SpecBasis['kind'], old: BasisRun, reopen?: SpecBasis['reopen']): SpecBasis {
  const version = old.status.version ?? old.request.basis?.version ?? 1;
  return {
    ...(kind === 'retry' ? unfinishedAmendment(old) : {}),
    kind,
    from: old.status.id,
    fromSlug: old.status.slug,
    lineage: old.status.lineage ?? old.request.basis?.lineage ?? old.status.id,
    version: kind === 'amendment' ? version + 1 : version,
    approved: approvedPhases(old.status),
    ...(old.status.answers ? { answers: old.status.answers } : {}),
    ...(reopen ? { reopen } : {}),
  };
}

/**
 * Starts the new run with the old run's request: a continued run's snapshot is dropped (the new
 * run starts its own history) and the basis replaced. Its id is new, so the old run stays as it was.
 */
export async function startFromBasis(
  client: Client,
  taskQueue: string,
  old: BasisRun,
  basis: SpecBasis,
  options: BasisStartOptions & { tickets?: SpecRequest['tickets'] },
): Promise<string> {
  const { continuation: _continuation, basis: _oldBasis, ...request } = old.request;
  const { tickets = request.tickets, ...startOptions } = options;
  // One run per version (and one retry per failed run): a second request finds the first, never a twin.
  const id = derivedSpecId(basis.lineage, basis.kind === 'amendment' ? `v${basis.version}` : `retry:${basis.from}`);
  try {
    return await startSpec(
      client,
      taskQueue,
      { ...request, ...(tickets ? { tickets } : {}), basis },
      { ...startOptions, id, unique: true },
    );
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    throw new BasisRefusedError(
      'conflict',
      basis.kind === 'amendment'
        ? `version ${basis.version} of this spec is already run ${id}: amend the latest version (or retry it, if it failed or was cancelled)`
        : `run ${basis.from} was already retried as ${id}`,
    );
  }
}

/**
 * A retry of a failed amendment is still that amendment: its tickets are brought in line with the
 * amended run's, and its reopen is carried on unless the failed run had applied it.
 */
function unfinishedAmendment(old: BasisRun): Pick<SpecBasis, 'amended' | 'reopen'> {
  const basis = old.request.basis;
  const amended =
    basis?.amended ?? (basis?.kind === 'amendment' ? { id: basis.from, slug: basis.fromSlug } : undefined);
  if (!amended) return {};
  const applied = old.status.changes?.some(
    (change) => change.reason === 'reopened' && change.phase === basis?.reopen?.phase,
  );
  return { amended, ...(basis?.reopen && !applied ? { reopen: basis.reopen } : {}) };
}
