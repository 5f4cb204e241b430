import type { Client } from '@temporalio/client';
import type { StartSettings } from '../config/start-settings';
import { PHASES, type PhaseName } from '../shared/phases';
import type { SpecBasis, SpecRequest, SpecRunStatus } from '../shared/spec-run';
import { readSpecRequest } from './read-spec-request';
import { readSpecStatus } from './read-spec-status';
import { specIdFor } from './spec-id';
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
  return startSpec(
    client,
    taskQueue,
    { ...request, ...(tickets ? { tickets } : {}), basis },
    { ...startOptions, id: specIdFor(client, request.feature) },
  );
}
