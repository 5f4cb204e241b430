import { WorkflowNotFoundError, type Client, type WorkflowExecutionDescription } from '@temporalio/client';
import { PHASES, isPhaseName } from '../shared/phases';
import type { PhaseStateName, SpecRunStatus, SpecStatus } from '../shared/spec-run';
import { slugify } from '../shared/slug';
import { statusQuery } from '../workflows/messages';
import { SPEC_FEATURE, SPEC_PHASE, SPEC_STATUS } from '../workflows/search-attributes';
import { withTemporalDeadline } from './temporal-deadline';

/** A query waits for a worker; past this the status comes from the search attributes instead. */
const QUERY_DEADLINE_MS = 3_000;

export class SpecNotFoundError extends Error {
  override name = 'SpecNotFoundError';
}

/**
 * A run's status: the live query while a worker answers, else the memo the run wrote when it
 * closed, else what the search attributes say. Works with no worker running.
 */
export async function readSpecStatus(client: Client, id: string): Promise<SpecRunStatus & { temporalStatus: string }> {
  const handle = client.workflow.getHandle(id);
  let description: WorkflowExecutionDescription;
  try {
    description = await withTemporalDeadline(client, () => handle.describe());
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new SpecNotFoundError(`No spec run "${id}"`);
    throw error;
  }
  const temporalStatus = description.status.name;
  const memo = (description.memo?.status as SpecRunStatus | undefined) ?? undefined;
  if (temporalStatus === 'RUNNING') {
    const live = await withTemporalDeadline(client, () => handle.query(statusQuery), QUERY_DEADLINE_MS).catch(
      () => undefined,
    );
    if (live) return { ...live, temporalStatus };
    return { ...fromSearchAttributes(id, description), temporalStatus };
  }
  const closedStatus: SpecStatus =
    temporalStatus === 'COMPLETED'
      ? (memo?.status ?? 'completed')
      : temporalStatus === 'CANCELLED'
        ? 'cancelled'
        : 'failed';
  const base = memo ?? fromSearchAttributes(id, description);
  return { ...base, status: closedStatus, pendingApproval: undefined, temporalStatus };
}

function fromSearchAttributes(id: string, description: WorkflowExecutionDescription): SpecRunStatus {
  const attributes = description.typedSearchAttributes;
  const feature =
    attributes.get(SPEC_FEATURE) ?? (description.memo?.request as { feature?: string } | undefined)?.feature ?? id;
  const status = (attributes.get(SPEC_STATUS) ?? 'running') as SpecStatus;
  const phase = attributes.get(SPEC_PHASE) ?? 'requirements';
  const current = isPhaseName(phase) ? PHASES.indexOf(phase) : PHASES.length;
  const stateOf = (index: number): PhaseStateName =>
    index < current
      ? 'approved'
      : index > current
        ? 'pending'
        : status === 'awaiting_approval'
          ? 'awaiting_approval'
          : 'running';
  return {
    id,
    feature,
    slug: slugify(feature),
    status,
    phase: phase as SpecRunStatus['phase'],
    gates: (description.memo?.request as { gates?: SpecRunStatus['gates'] } | undefined)?.gates ?? 'each',
    phases: PHASES.map((name, index) => ({ name, state: stateOf(index), revision: 0 })),
    pendingApproval:
      status === 'awaiting_approval' && isPhaseName(phase)
        ? { phase, revision: 0, summary: '', since: '', quality: [], orphans: [] }
        : undefined,
    decisions: [],
    artifacts: [],
    tickets: [],
  };
}
