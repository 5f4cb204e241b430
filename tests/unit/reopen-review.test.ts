import { describe, expect, it } from 'vitest';
import { approvedRevisionBefore } from '../../src/review/approved-revision';
import { reopenReason } from '../../src/review/reopen-reason';
import type { RecordedDecision } from '../../src/shared/decision';
import { PHASES } from '../../src/shared/phases';
import type { PendingApproval, SpecRunStatus } from '../../src/shared/spec-run';

function decision(
  phase: RecordedDecision['phase'],
  action: RecordedDecision['action'],
  revision: number,
  at: string,
  extra: Partial<RecordedDecision> = {},
): RecordedDecision {
  return { phase, action, revision, by: 'ana', at: `2025-05-02T10:${at}:00.000Z`, outcome: 'applied', ...extra };
}

function status(decisions: RecordedDecision[], pending?: Partial<PendingApproval>, extra: Partial<SpecRunStatus> = {}) {
  return {
    id: 'spec-reopen-00000001',
    feature: 'Add passwordless login with magic links',
    slug: 'passwordless-login',
    status: 'awaiting_approval',
    phase: pending?.phase ?? 'requirements',
    gates: 'each',
    phases: PHASES.map((name) => ({ name, state: 'pending', revision: 0 })),
    decisions,
    artifacts: [],
    tickets: [],
    ...(pending
      ? {
          pendingApproval: {
            phase: 'requirements',
            revision: 1,
            summary: '',
            since: '2025-05-02T10:30:00.000Z',
            quality: [],
            orphans: [],
            ...pending,
          },
        }
      : {}),
    ...extra,
  } as SpecRunStatus;
}

/** Approved requirements r1, architecture r1, database r2 (after a change request), then api waits at r1. */
const APPROVALS = [
  decision('requirements', 'approve', 1, '01'),
  decision('architecture', 'approve', 1, '02'),
  decision('database', 'request_changes', 1, '03', { comment: 'Index the token' }),
  decision('database', 'approve', 2, '04'),
];
const REOPEN = decision('requirements', 'reopen', 1, '10', { comment: 'add SSO' });

describe('the revision a phase at its gate again is compared with', () => {
  it('is the revision approved before the reopen, not the one just before', () => {
    const run = status([...APPROVALS, REOPEN, decision('requirements', 'request_changes', 2, '12', { comment: 'x' })]);
    expect(approvedRevisionBefore(run, 'requirements', 3)).toBe(1);
    expect(approvedRevisionBefore(run, 'database', 3)).toBe(2);
  });

  it('is none for a phase only ever sent back, which keeps comparing with the revision before', () => {
    expect(approvedRevisionBefore(status(APPROVALS), 'database', 2)).toBeUndefined();
    expect(approvedRevisionBefore(status(APPROVALS), 'api', 2)).toBeUndefined();
  });

  it('does not count an approval a later change request sent back', () => {
    const run = status([
      decision('api', 'approve', 1, '01'),
      decision('api', 'request_changes', 1, '02', { by: 'bo', comment: 'x' }),
    ]);
    expect(approvedRevisionBefore(run, 'api', 2)).toBeUndefined();
  });

  it('takes the approved revision an amendment adopted from the changes list', () => {
    const run = status([], undefined, {
      changes: [{ phase: 'api', from: 4, to: 5, reason: 'inputs_changed', at: '2025-05-02T10:00:00.000Z' }],
    });
    expect(approvedRevisionBefore(run, 'api', 5)).toBe(4);
  });
});

describe('why a phase waits at its gate again', () => {
  it('names who reopened the phase, and why', () => {
    const run = status([...APPROVALS, REOPEN], { phase: 'requirements', revision: 2 });
    expect(reopenReason(run, 'requirements')).toMatchObject({ kind: 'reopened', by: 'ana', comment: 'add SSO' });
  });

  it('names the inputs that changed for a phase regenerated because of them', () => {
    const run = status(
      [...APPROVALS, REOPEN, decision('requirements', 'approve', 2, '20'), decision('database', 'approve', 3, '25')],
      { phase: 'api', revision: 2, since: '2025-05-02T10:26:00.000Z' },
    );
    expect(reopenReason(run, 'api')).toEqual({
      kind: 'inputs_changed',
      inputs: ['requirements', 'database'],
      reopened: 'requirements',
      by: 'ana',
      at: REOPEN.at,
    });
  });

  it('leaves out an input the changes list says kept its approval', () => {
    const run = status([...APPROVALS, REOPEN, decision('requirements', 'approve', 2, '20')], {
      phase: 'api',
      revision: 2,
      since: '2025-05-02T10:26:00.000Z',
    });
    run.changes = [
      { phase: 'requirements', from: 1, to: 2, reason: 'reopened', by: 'ana', at: '2025-05-02T10:20:00.000Z' },
      { phase: 'database', from: 2, to: 2, reason: 'kept', at: '2025-05-02T10:21:00.000Z' },
    ];
    expect(reopenReason(run, 'api')).toMatchObject({ inputs: ['requirements'] });
  });

  it('gives none for a gate that opened before the reopen, nor for a run never reopened', () => {
    const before = status([...APPROVALS, REOPEN], { phase: 'api', revision: 1, since: '2025-05-02T10:05:00.000Z' });
    expect(reopenReason(before, 'api')).toBeUndefined();
    expect(reopenReason(status(APPROVALS, { phase: 'api', revision: 1 }), 'api')).toBeUndefined();
  });
});
