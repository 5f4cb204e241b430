import type { ApiContext } from '../api/api-context';
import { listSpecs, type SpecSummary } from '../runs/list-specs';
import { readSpecStatus } from '../runs/read-spec-status';

const PAGE_SIZE = 50;

export interface RunRow extends SpecSummary {
  awaiting: boolean;
  /** The phase or gate it waits on, when awaiting a decision. */
  gate?: string;
  /** Since when it has waited (the gate's opening), else since it started. */
  since?: string;
}

/** Runs awaiting a decision (longest waiting first), then the newest others: however old a waiting run is, it is listed. */
export async function loadRunList(context: ApiContext): Promise<RunRow[]> {
  const [waiting, newest] = await Promise.all([
    listSpecs(context.client, context.namespace, { status: 'awaiting_approval', limit: PAGE_SIZE }),
    listSpecs(context.client, context.namespace, { limit: PAGE_SIZE }),
  ]);
  const items = [...new Map([...waiting.items, ...newest.items].map((item) => [item.id, item])).values()];
  const rows = await Promise.all(items.map((item) => withGate(context, item)));
  const awaiting = rows.filter((row) => row.awaiting).sort((a, b) => (a.since ?? '').localeCompare(b.since ?? ''));
  const others = rows.filter((row) => !row.awaiting);
  return [...awaiting, ...others];
}

async function withGate(context: ApiContext, item: SpecSummary): Promise<RunRow> {
  const open = item.temporalStatus === 'RUNNING';
  if (!open || item.status !== 'awaiting_approval') return { ...item, awaiting: false, since: item.startedAt };
  // Only waiting runs are asked for their gate: the list stays one visibility call plus one query each.
  const status = await readSpecStatus(context.client, item.id).catch(() => undefined);
  const pending = status?.pendingApproval;
  return { ...item, awaiting: true, gate: pending?.phase ?? item.phase, since: pending?.since || item.startedAt };
}
