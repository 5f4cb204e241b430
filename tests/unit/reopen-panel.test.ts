import { describe, expect, it } from 'vitest';
import { PHASES } from '../../src/shared/phases';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { changesList } from '../../src/web/sections/changes-list';
import { amendPanel, reopenPanel } from '../../src/web/sections/reopen-panel';
import type { RunStatus } from '../../src/web/spec-page-data';
import type { Viewer } from '../../src/web/viewer';

const LOCAL: Viewer = { signedInMode: false };

/** A gated run waiting at the database gate, requirements and architecture approved. */
function atDatabaseGate(extra: Partial<RunStatus> = {}): RunStatus {
  return {
    id: 'spec-reopen-panel-00000001',
    feature: 'Add passwordless login with magic links',
    slug: 'passwordless-login',
    status: 'awaiting_approval',
    phase: 'database',
    gates: 'each',
    phases: PHASES.map((name, index) => ({
      name,
      state: index < 2 ? 'approved' : index === 2 ? 'awaiting_approval' : 'pending',
      revision: index < 3 ? 1 : 0,
    })) as SpecRunStatus['phases'],
    pendingApproval: {
      phase: 'database',
      revision: 1,
      summary: '',
      since: '2025-05-02T10:00:00.000Z',
      quality: [],
      orphans: [],
    },
    decisions: [],
    artifacts: [],
    tickets: [],
    temporalStatus: 'RUNNING',
    ...extra,
  };
}

const optionValues = (markup: string) => [...markup.matchAll(/<option value="([a-z]+)"/g)].map((match) => match[1]);

describe('the reopen control', () => {
  it('offers the approved phases of a gated open run, with a required comment', () => {
    const markup = String(reopenPanel(atDatabaseGate(), LOCAL));
    expect(optionValues(markup)).toEqual(['requirements', 'architecture']);
    expect(markup).toMatch(/<textarea id="reopen-comment"[^>]* required/);
    expect(markup).toContain('id="reopen-name"');
  });

  it('is not offered without gates, while tickets are created, on a finished run, or before any approval', () => {
    expect(reopenPanel(atDatabaseGate({ gates: 'none' }), LOCAL)).toBe('');
    expect(reopenPanel(atDatabaseGate({ phase: 'tickets', pendingApproval: undefined }), LOCAL)).toBe('');
    expect(reopenPanel(atDatabaseGate({ temporalStatus: 'COMPLETED', status: 'completed' }), LOCAL)).toBe('');
    const first = atDatabaseGate();
    first.phases = first.phases.map((entry) => ({ ...entry, state: 'pending' }));
    expect(reopenPanel(first, LOCAL)).toBe('');
  });

  it('is offered at the tickets gate, where the plan is made again afterwards', () => {
    const status = atDatabaseGate({ phase: 'tickets' });
    status.pendingApproval = { ...status.pendingApproval!, phase: 'tickets' };
    expect(optionValues(String(reopenPanel(status, LOCAL)))).toEqual(['requirements', 'architecture']);
  });
});

describe('a completed run', () => {
  it('says how to amend it: the command, the endpoint, and a form for the next version', () => {
    const status = atDatabaseGate({ status: 'completed', temporalStatus: 'COMPLETED', version: 2 });
    status.phases = status.phases.map((entry) => ({ ...entry, state: 'approved' }));
    const markup = String(amendPanel(status, LOCAL));
    expect(markup).toContain(`specforge amend ${status.id} --phase PHASE --comment TEXT`);
    expect(markup).toContain(`POST /v1/specs/${status.id}/amendments`);
    expect(markup).toContain('starts version 3');
    expect(optionValues(markup)).toEqual([...PHASES]);
  });
});

describe('the changes list', () => {
  it('shows who reopened what and why, as text', () => {
    const markup = String(
      changesList([
        {
          phase: 'requirements',
          from: 1,
          to: 2,
          reason: 'reopened',
          by: 'ana',
          comment: '<img src=x onerror=alert(1)> add SSO',
          at: '2025-05-02T10:00:00.000Z',
        },
        { phase: 'cost', from: 1, to: 1, reason: 'kept', at: '2025-05-02T10:01:00.000Z' },
      ]),
    );
    expect(markup).toContain('&lt;img src=x onerror=alert(1)&gt; add SSO');
    expect(markup).not.toContain('<img');
    expect(markup).toMatch(/requirements<\/strong>\s*r1 → r2 ·\s*reopened by <strong>ana<\/strong>/);
    expect(markup).toContain('kept its approval');
    expect(changesList([])).toBe('');
  });
});
