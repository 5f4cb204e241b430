import { HttpProblem } from '../api/problem';
import type { PhaseName } from '../shared/phases';
import type { SpecRunStatus } from '../shared/spec-run';

/**
 * The revision a reviewer means when they name none: the one the gate waits on, else the one the
 * status names (approved, or being regenerated), else the newest file.
 */
export function currentRevision(status: SpecRunStatus, phase: PhaseName, stored: number[]): number | undefined {
  const pending = status.pendingApproval;
  const candidates = [
    pending?.phase === phase ? pending.revision : undefined,
    status.phases.find((entry) => entry.name === phase)?.revision,
  ];
  return candidates.find((revision) => revision !== undefined && stored.includes(revision)) ?? stored.at(-1);
}

/** A revision number a caller gave must be a positive integer: 422 naming the field otherwise. */
export function assertRevisionNumber(revision: number | undefined, field: string): void {
  if (revision !== undefined && (!Number.isInteger(revision) || revision < 1)) {
    throw new HttpProblem(422, 'Invalid request', `${field} must be a revision number (1, 2, …)`, [
      { field, message: 'a positive integer' },
    ]);
  }
}

/** A revision a caller named must be stored: 404 naming the field otherwise. */
export function requireStored(revision: number, stored: number[], phase: PhaseName, field: string): number {
  if (!stored.includes(revision)) {
    throw new HttpProblem(404, 'Not found', `${phase} has no revision ${revision}`, [
      { field, message: `one of: ${stored.join(', ') || 'none yet'}` },
    ]);
  }
  return revision;
}

/** The stored revisions of a phase, or 404 naming the phase when it has none yet. */
export function requireSomeRevision(stored: number[], phase: PhaseName): number[] {
  if (stored.length === 0)
    throw new HttpProblem(404, 'Not found', `${phase} has no revision yet`, [
      { field: 'phase', message: 'not generated yet' },
    ]);
  return stored;
}
