import { createHash } from 'node:crypto';
import type { RunStatus } from './spec-page-data';

/** What GET /specs/:id/state answers: small, so the page can poll it every second or two. */
export interface RunState {
  status: string;
  phase: string;
  open: boolean;
  pending: { phase: string; revision: number } | null;
  /** Changes whenever anything the page shows changes: the page reloads when it differs. */
  version: string;
}

export function runState(status: RunStatus): RunState {
  const pending = status.pendingApproval;
  const fingerprint = [
    status.temporalStatus,
    status.status,
    status.phase,
    pending ? `${pending.phase}:${pending.revision}:${pending.approvals?.length ?? 0}` : '-',
    status.phases.map((entry) => `${entry.state}:${entry.revision}`).join(','),
    status.decisions.length,
    status.refused?.at ?? '-',
    status.artifacts.length,
    status.tickets.length,
    status.changes?.length ?? 0,
  ].join('|');
  return {
    status: status.status,
    phase: status.phase,
    open: status.temporalStatus === 'RUNNING',
    pending: pending ? { phase: pending.phase, revision: pending.revision } : null,
    version: createHash('sha256').update(fingerprint).digest('hex').slice(0, 16),
  };
}
