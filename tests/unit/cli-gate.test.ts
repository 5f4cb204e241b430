import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { askDecision, type GateContent, type PendingApproval } from '../../src/cli/ask-decision';
import { colours } from '../../src/cli/colours';
import { formatPhaseDiff } from '../../src/cli/format-phase-diff';
import type { GateTerminal } from '../../src/cli/gate-terminal';
import type { PhaseDiff, PhaseView } from '../../src/review/review-types';

const pending: PendingApproval = {
  phase: 'requirements',
  revision: 2,
  summary: '5 functional and 5 non-functional requirements, 4 user stories, 3 open questions',
  since: '2026-11-26T00:00:00.000Z',
  quality: [
    { criterion: 'edge cases for every user story', phase: 'requirements', passed: true, reasons: [] },
    {
      criterion: 'performance requirements with numbers',
      phase: 'requirements',
      passed: false,
      reasons: ['NFR-1 has no number'],
    },
  ],
  orphans: ['FR-5'],
};

const view = {
  specId: 'spec-export-1',
  phase: 'requirements',
  revision: 2,
  revisions: [1, 2],
  state: 'awaiting_approval',
  provider: 'offline',
  model: 'offline-templates-v1',
  summary: pending.summary,
  content: {},
  markdown: '## 1. Requirements\n\n| FR-5 | Reviewer request: Also export credit notes | should |\n',
  quality: pending.quality,
  orphans: [],
  checks: [{ validator: 'schema', valid: true, errors: [] }],
  questions: [
    { id: 'Q-1', question: 'Who may use this feature?', suggestedDefault: 'Signed-in users', answer: null },
    { id: 'Q-2', question: 'What peak load must it carry?', suggestedDefault: '200 requests per second', answer: null },
    { id: 'Q-3', question: 'How long are invoices kept?', suggestedDefault: '365 days', answer: '90 days' },
  ],
  items: [],
} as unknown as PhaseView;

const diff: PhaseDiff = {
  specId: 'spec-export-1',
  phase: 'requirements',
  from: 1,
  to: 2,
  added: [{ id: 'FR-5', kind: 'functional requirement', label: 'Reviewer request: Also export credit notes' }],
  removed: [],
  changed: [
    { id: 'US-1', kind: 'user story', label: 'US-1', fields: [{ path: 'edgeCases', before: [], after: ['x'] }] },
  ],
  lines: [
    { op: ' ', text: '## 1. Requirements' },
    { op: '-', text: 'Invoices to CSV: 4 requirements derived from the request.' },
    { op: '+', text: 'Invoices to CSV: 5 requirements derived from the request.' },
    { op: ' ', text: '' },
    { op: ' ', text: '### Functional requirements' },
    { op: ' ', text: '| FR-1 | Users can export invoices | must |' },
    { op: ' ', text: '| FR-2 | Users can list invoices | must |' },
    { op: ' ', text: '| FR-3 | Every change is audited | must |' },
    { op: '+', text: '| FR-5 | Reviewer request: Also export credit notes | should |' },
  ],
};

/** A terminal whose answers are scripted and whose output is kept. */
function scriptedTerminal(answers: string[], colour = false) {
  const questions: string[] = [];
  const written: string[] = [];
  const paged: string[] = [];
  const terminal: GateTerminal = {
    async ask(question) {
      questions.push(question);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`no scripted answer for: ${question}`);
      return answer;
    },
    write: (text) => void written.push(text),
    page: async (text) => void paged.push(text),
    paint: colours(colour),
  };
  return { terminal, questions, written, paged };
}

const content: GateContent = {
  view: async () => view,
  diff: async () => diff,
  ticketPlan: async () => 'epic  13 pts  Export invoices to CSV',
};

describe('a gate in the terminal', () => {
  it('shows the summary and checks with the view and diff hints and the review page, never a file path', async () => {
    const { terminal, written, questions } = scriptedTerminal(['b']);
    await askDecision(pending, content, terminal, {
      by: 'ana',
      reviewUrl: 'https://specs.example.com/specs/spec-export-1',
    });
    const screen = written.join('');
    expect(screen).toContain('── requirements (revision 2) is ready for review ──');
    expect(screen).toContain('  ✘ performance requirements with numbers: NFR-1 has no number');
    expect(screen).toContain('  ! not traced yet: FR-5');
    expect(screen).toContain(
      '[v]iew the section, [d]iff against revision 1, or review it at https://specs.example.com/specs/spec-export-1',
    );
    expect(screen).not.toMatch(/\.json|Full content/);
    expect(questions[0]).toBe('[a]pprove, request [c]hanges, [e]dit from a JSON file, [v]iew, [d]iff, a[b]ort? ');
  });

  it('pages the phase rendered as Markdown with its checks and questions on [v]iew', async () => {
    const { terminal, paged } = scriptedTerminal(['v', 'b']);
    await askDecision(pending, content, terminal, { by: 'ana' });
    expect(paged).toHaveLength(1);
    expect(paged[0]).toContain('## 1. Requirements\n\n| FR-5 | Reviewer request: Also export credit notes | should |');
    expect(paged[0]).toContain('  ✔ schema');
    expect(paged[0]).toMatch(/Q-2 {2}What peak load must it carry\?\n\s+default: 200 requests per second/);
    expect(paged[0]).toMatch(/Q-3 {2}How long are invoices kept\?\n\s+answered: 90 days/);
  });

  it('shows the diff against the previous revision after a change request, in colour on a terminal', async () => {
    const { terminal, paged } = scriptedTerminal(['d', 'b'], true);
    await askDecision(pending, content, terminal, { by: 'ana' });
    expect(paged[0]).toContain(
      '\u001b[32m  + added    FR-5  Reviewer request: Also export credit notes  [functional requirement]\u001b[39m',
    );
    expect(paged[0]).toContain('\u001b[33m  ~ changed  US-1  US-1  [user story]  (edgeCases)\u001b[39m');
    expect(paged[0]).toContain('\u001b[31m- Invoices to CSV: 4 requirements derived from the request.\u001b[39m');
    expect(paged[0]).toContain('\u001b[32m+ | FR-5 | Reviewer request: Also export credit notes | should |\u001b[39m');
  });

  it('offers no diff for a first revision', async () => {
    const { terminal, questions, paged } = scriptedTerminal(['d', 'b']);
    await askDecision({ ...pending, revision: 1 }, content, terminal, { by: 'ana' });
    expect(questions[0]).not.toContain('[d]iff');
    expect(paged).toEqual([]);
  });

  it('asks each open question when approving requirements; Enter keeps the default', async () => {
    const { terminal, questions } = scriptedTerminal(['a', '', '  50 requests per second  ']);
    const decision = await askDecision(pending, content, terminal, { by: 'ana' });
    expect(questions.slice(1)).toEqual([
      'Q-1 Who may use this feature?\n    [Signed-in users] ',
      'Q-2 What peak load must it carry?\n    [200 requests per second] ',
    ]);
    expect(decision).toEqual({
      phase: 'requirements',
      action: 'approve',
      by: 'ana',
      content: { answers: { 'Q-1': 'Signed-in users', 'Q-2': '50 requests per second' } },
    });
  });

  it('approves other phases without questions', async () => {
    const { terminal, questions } = scriptedTerminal(['a']);
    const decision = await askDecision({ ...pending, phase: 'api' }, content, terminal, { by: 'ana' });
    expect(decision).toEqual({ phase: 'api', action: 'approve', by: 'ana' });
    expect(questions).toHaveLength(1);
  });

  it('asks again when the edit file cannot be used, then sends the content of a stored phase file', async () => {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'specforge-gate-'));
    const file = path.join(folder, 'requirements.r2.json');
    await writeFile(file, JSON.stringify({ phase: 'requirements', revision: 2, content: { summary: 'edited' } }));
    const { terminal, written } = scriptedTerminal(['e', path.join(folder, 'absent.json'), 'e', file]);
    const decision = await askDecision(pending, content, terminal, { by: 'ana' });
    expect(written.join('')).toMatch(/cannot read .*absent\.json: no such file/);
    expect(decision).toEqual({ phase: 'requirements', action: 'edit', by: 'ana', content: { summary: 'edited' } });
  });

  it('shows the ticket plan at the tickets gate and can skip it', async () => {
    const { terminal, paged, questions } = scriptedTerminal(['v', 's']);
    const decision = await askDecision({ ...pending, phase: 'tickets', revision: 1 }, content, terminal, { by: 'ana' });
    expect(paged).toEqual(['epic  13 pts  Export invoices to CSV']);
    expect(questions[0]).toBe(
      '[a]pprove and create, [e]dit from a JSON file, [v]iew the plan, [s]kip tickets, a[b]ort? ',
    );
    expect(decision).toEqual({ phase: 'tickets', action: 'skip', by: 'ana' });
  });

  it('says why it cannot show a phase and keeps asking', async () => {
    const { terminal, written } = scriptedTerminal(['v', 'b']);
    await askDecision(
      pending,
      { ...content, view: async () => Promise.reject(new Error('requirements has no revision 2')) },
      terminal,
      { by: 'ana' },
    );
    expect(written.join('')).toContain('Cannot show it: requirements has no revision 2');
  });

  it('never lets model output or feature text send escape sequences to the terminal', async () => {
    const hostile = { ...view, markdown: '## 1. Requirements\n\u001b]0;owned\u0007\u001b[2J| FR-1 | \u202eevil |\n' };
    const { terminal, written, paged } = scriptedTerminal(['v', 'b']);
    await askDecision(
      { ...pending, summary: 'ok\u001b[31m red' },
      { ...content, view: async () => hostile },
      terminal,
      { by: 'ana' },
    );
    expect([...written, ...paged].join('')).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(paged[0]).toContain('\uFFFD]0;owned\uFFFD\uFFFD[2J| FR-1 | \uFFFDevil |');
  });
});

describe('the diff for the terminal', () => {
  it('keeps two lines of context around each change and marks what it leaves out', () => {
    const text = formatPhaseDiff(diff, colours(false));
    expect(text).toBe(
      [
        'requirements: revision 1 → 2',
        '  + added    FR-5  Reviewer request: Also export credit notes  [functional requirement]',
        '  ~ changed  US-1  US-1  [user story]  (edgeCases)',
        '',
        '  ## 1. Requirements',
        '- Invoices to CSV: 4 requirements derived from the request.',
        '+ Invoices to CSV: 5 requirements derived from the request.',
        '  ',
        '  ### Functional requirements',
        '  …',
        '  | FR-2 | Users can list invoices | must |',
        '  | FR-3 | Every change is audited | must |',
        '+ | FR-5 | Reviewer request: Also export credit notes | should |',
        '',
      ].join('\n'),
    );
  });

  it('says so when two revisions are the same', () => {
    expect(
      formatPhaseDiff({ ...diff, added: [], changed: [], lines: [{ op: ' ', text: 'same' }] }, colours(false)),
    ).toBe('requirements: revision 1 → 2\nNo differences.\n');
  });
});
