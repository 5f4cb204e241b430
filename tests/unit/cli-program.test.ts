import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { requirementsPhase } from '../../src/activities/phases/requirements/definition';
import { loadConfig, type Config } from '../../src/config/load-config';
import { colours } from '../../src/cli/colours';
import { createProgram } from '../../src/cli/create-program';
import { readDecisionContent } from '../../src/cli/decision-content';
import { environmentHelp } from '../../src/cli/environment-help';
import type { AmendRequest, DecisionRequest, SpecBackend, SpecStatusView } from '../../src/cli/spec-backend';
import { devServerDatabase } from '../../src/temporal/ensure-temporal';

const requirements = requirementsPhase.offline({
  specId: 'spec-test',
  feature: 'Export invoices to CSV',
  description: '',
  revision: 1,
  feedback: [],
  answers: {},
  earlier: {},
});
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(path.join(os.tmpdir(), 'specforge-cli-'));
});

/** The program with a backend that records what the commands ask of it. */
function programFor(env: Record<string, string> = {}) {
  const printed: string[] = [];
  const errors: string[] = [];
  const decisions: { id: string; decision: DecisionRequest }[] = [];
  const started: { id: string; amendment?: AmendRequest; retry?: true }[] = [];
  const asked: string[] = [];
  const status = {
    id: 'spec-export-1',
    pendingApproval: { phase: 'architecture', revision: 2 },
    phases: [{ name: 'requirements', state: 'approved', revision: 1 }],
  } as unknown as SpecStatusView;
  const backend: SpecBackend = {
    status: async (id) => (asked.push(`status ${id}`), status),
    list: async () => ({ items: [] }),
    decide: async (id, decision) => {
      decisions.push({ id, decision });
      return { phase: decision.phase, action: decision.action, revision: 1, next: 'next phase' };
    },
    amend: async (id, amendment) => (started.push({ id, amendment }), { id: 'spec-export-2', amends: id, version: 2 }),
    retry: async (id) => (started.push({ id, retry: true }), { id: 'spec-export-3', retries: id }),
    tickets: async () => undefined,
    view: async (id, phase, revision) => {
      asked.push(`view ${id} ${phase} ${revision ?? 'current'}`);
      return {
        specId: id,
        phase,
        revision: 2,
        revisions: [1, 2],
        state: 'awaiting_approval',
        provider: 'offline',
        model: 'm',
        summary: '',
        content: {},
        markdown: '## 2. Architecture\n',
        quality: [],
        orphans: [],
        checks: [],
        questions: [],
        items: [],
      } as never;
    },
    diff: async () => {
      throw new Error('not asked in these tests');
    },
    close: async () => undefined,
  };
  let opened = 0;
  const program = createProgram(
    {
      loadConfig: (): Config => loadConfig(env),
      openBackend: async () => (opened++, backend),
      print: (text) => printed.push(text),
      page: async (text) => void printed.push(text),
      paint: colours(false),
    },
    (root: Command) =>
      root
        .exitOverride()
        .configureOutput({ writeOut: (text) => printed.push(text), writeErr: (text) => errors.push(text) }),
  );
  const run = (...args: string[]) => program.parseAsync(['node', 'specforge', ...args]);
  return { run, printed, errors, decisions, started, asked, opened: () => opened };
}

describe('specforge decide', () => {
  it('sends an edit with the content of a stored phase file', async () => {
    const file = path.join(folder, 'requirements.r2.json');
    await writeFile(
      file,
      JSON.stringify({
        phase: 'requirements',
        revision: 2,
        provider: 'offline',
        model: 'm',
        usage: {},
        content: requirements,
      }),
    );
    const cli = programFor();
    await cli.run('decide', 'spec-export-1', 'requirements', 'edit', '--content', file);
    expect(cli.decisions).toEqual([
      { id: 'spec-export-1', decision: { phase: 'requirements', action: 'edit', content: requirements } },
    ]);
    expect(cli.printed).toEqual(['edit requirements (revision 1): next phase']);
  });

  it('collects repeated --answer options into the answers of an approval', async () => {
    const cli = programFor();
    await cli.run(
      'decide',
      'spec-export-1',
      'requirements',
      'approve',
      '--answer',
      'Q-2=50 requests per second',
      '--answer',
      'Q-3= 90 days ',
      '--by',
      'ana',
    );
    expect(cli.decisions[0]!.decision).toEqual({
      phase: 'requirements',
      action: 'approve',
      by: 'ana',
      content: { answers: { 'Q-2': '50 requests per second', 'Q-3': '90 days' } },
    });
  });

  it('leaves `by` out unless given, so the API can take it from the token', async () => {
    const cli = programFor();
    await cli.run('decide', 'spec-export-1', 'api', 'request_changes', '--comment', 'Paginate the list');
    expect(cli.decisions[0]!.decision).toEqual({
      phase: 'api',
      action: 'request_changes',
      comment: 'Paginate the list',
    });
  });

  it('refuses an answer not written as Q-n=value', async () => {
    const cli = programFor();
    await expect(
      cli.run('decide', 'spec-export-1', 'requirements', 'approve', '--answer', 'peak=50'),
    ).rejects.toThrow();
    expect(cli.errors.join('')).toMatch(/write it as Q-<n>=<answer>/);
    expect(cli.decisions).toEqual([]);
  });

  it('refuses an edit without --content before reaching any server', async () => {
    const cli = programFor();
    await expect(cli.run('decide', 'spec-export-1', 'requirements', 'edit')).rejects.toThrow(
      'edit needs --content FILE',
    );
    expect(cli.opened()).toBe(0);
  });

  it("refuses answers on any approval but the requirements'", async () => {
    const cli = programFor();
    await expect(cli.run('decide', 'spec-export-1', 'api', 'approve', '--answer', 'Q-1=yes')).rejects.toThrow(
      '--answer answers the open questions when approving requirements',
    );
  });

  it('refuses an unknown phase', async () => {
    const cli = programFor();
    await expect(cli.run('decide', 'spec-export-1', 'deployment', 'approve')).rejects.toThrow();
    expect(cli.errors.join('')).toMatch(/not a gate; one of requirements, .*, tickets/);
  });
});

describe('specforge reopen, amend and retry', () => {
  it('sends a reopen decision with its comment, as decide and as its short form', async () => {
    const cli = programFor();
    await cli.run('decide', 'spec-export-1', 'requirements', 'reopen', '--comment', 'Add SSO', '--by', 'ana');
    await cli.run('reopen', 'spec-export-1', '--phase', 'requirements', '--comment', 'Add SSO', '--by', 'ana');
    const reopen = { phase: 'requirements', action: 'reopen', by: 'ana', comment: 'Add SSO' };
    expect(cli.decisions).toEqual([
      { id: 'spec-export-1', decision: reopen },
      { id: 'spec-export-1', decision: reopen },
    ]);
  });

  it('refuses a reopen without a comment before reaching any server', async () => {
    const cli = programFor();
    await expect(cli.run('decide', 'spec-export-1', 'requirements', 'reopen')).rejects.toThrow(
      'reopen needs --comment TEXT',
    );
    expect(cli.opened()).toBe(0);
  });

  it('starts an amendment with the phase, comment and --close-removed, and says how to follow it', async () => {
    const cli = programFor();
    await cli.run(
      'amend',
      'spec-export-1',
      '--phase',
      'api',
      '--comment',
      ' Paginate GET /invoices ',
      '--close-removed',
    );
    expect(cli.started).toEqual([
      {
        id: 'spec-export-1',
        amendment: { phase: 'api', comment: 'Paginate GET /invoices', closeRemoved: true },
      },
    ]);
    expect(cli.printed.join('\n')).toMatch(/Started spec-export-2: version 2 of the spec, amending spec-export-1/);
    expect(cli.printed.join('\n')).toContain('specforge status spec-export-2');
  });

  it('leaves `by` and closeRemoved out of an amendment unless given', async () => {
    const cli = programFor();
    await cli.run('amend', 'spec-export-1', '--phase', 'requirements', '--comment', 'Add SSO');
    expect(cli.started[0]!.amendment).toEqual({ phase: 'requirements', comment: 'Add SSO' });
  });

  it('refuses an amendment without --phase or --comment, or naming no phase', async () => {
    const cli = programFor();
    await expect(cli.run('amend', 'spec-export-1', '--comment', 'Add SSO')).rejects.toThrow();
    expect(cli.errors.join('')).toMatch(/--phase <phase>/);
    await expect(cli.run('amend', 'spec-export-1', '--phase', 'api')).rejects.toThrow();
    expect(cli.errors.join('')).toMatch(/--comment <text>/);
    await expect(cli.run('amend', 'spec-export-1', '--phase', 'tickets', '--comment', 'x')).rejects.toThrow();
    expect(cli.errors.join('')).toMatch(/not a phase; one of requirements/);
    await expect(cli.run('amend', 'spec-export-1', '--phase', 'api', '--comment', '  ')).rejects.toThrow(
      'amend needs --comment TEXT',
    );
    expect(cli.started).toEqual([]);
  });

  it('retries a failed run and prints the new run', async () => {
    const cli = programFor();
    await cli.run('retry', 'spec-export-1');
    expect(cli.started).toEqual([{ id: 'spec-export-1', retry: true }]);
    expect(cli.printed.join('\n')).toMatch(/Started spec-export-3: retrying spec-export-1 from the phase that failed/);
  });
});

describe('edit content files', () => {
  it('accepts the bare content, a stored phase file and a ticket file', async () => {
    const bare = path.join(folder, 'bare.json');
    const tickets = path.join(folder, 'tickets.json');
    const plan = { specId: 'spec-export-1', feature: 'x', epic: { key: 'epic' }, tickets: [{ key: 't-1' }] };
    await writeFile(bare, JSON.stringify(requirements));
    await writeFile(tickets, JSON.stringify({ target: 'file', plan, created: [] }));
    expect(await readDecisionContent(bare)).toEqual(requirements);
    expect(await readDecisionContent(tickets)).toEqual(plan);
  });

  it('names the file when it is missing or not JSON', async () => {
    const broken = path.join(folder, 'broken.json');
    await writeFile(broken, '{"summary": ');
    await expect(readDecisionContent(path.join(folder, 'absent.json'))).rejects.toThrow(
      /cannot read .*absent\.json: no such file/,
    );
    await expect(readDecisionContent(broken)).rejects.toThrow(/broken\.json is not valid JSON/);
  });
});

describe('specforge view and open', () => {
  it('shows the phase awaiting approval when no phase is named', async () => {
    const cli = programFor();
    await cli.run('view', 'spec-export-1');
    expect(cli.asked).toEqual(['status spec-export-1', 'view spec-export-1 architecture current']);
    expect(cli.printed.join('')).toContain('## 2. Architecture');
  });

  it('asks for one revision with --revision', async () => {
    const cli = programFor();
    await cli.run('view', 'spec-export-1', 'requirements', '--revision', '1');
    expect(cli.asked).toEqual(['view spec-export-1 requirements 1']);
  });

  it('refuses a revision that is not a whole number', async () => {
    const cli = programFor();
    await expect(cli.run('view', 'spec-export-1', 'requirements', '--revision', '1.5')).rejects.toThrow();
    expect(cli.errors.join('')).toMatch(/--revision must be a whole number from 1/);
  });

  it('prints the review URL from SPECFORGE_URL, else the local API on PORT', async () => {
    const remote = programFor({ SPECFORGE_URL: 'https://specs.example.com/' });
    await remote.run('open', 'spec-export-1');
    const local = programFor({ PORT: '4100' });
    await local.run('open', 'spec-export-1');
    expect([...remote.printed, ...local.printed]).toEqual([
      'https://specs.example.com/specs/spec-export-1',
      'http://localhost:4100/specs/spec-export-1',
    ]);
  });
});

describe('specforge --help', () => {
  it('lists the environment variables after the commands', async () => {
    const cli = programFor();
    await expect(cli.run('--help')).rejects.toThrow();
    const help = cli.printed.join('');
    expect(help.indexOf('Environment')).toBeGreaterThan(help.indexOf('decide'));
    expect(help).toMatch(
      /SPECFORGE_TOKEN\s+unset: the CLI talks to Temporal directly\n\s+the CLI's token for SPECFORGE_URL/,
    );
  });

  it('shows each variable with the default the configuration applies', () => {
    const defaults = loadConfig({});
    const help = environmentHelp(defaults);
    for (const [name, value] of Object.entries(defaults))
      expect(help).toMatch(new RegExp(`\\n  ${name}\\s+default: ${String(value)}\\n`));
    expect(environmentHelp({ ...defaults, TEMPORAL_PORT: 7300 })).toMatch(/TEMPORAL_PORT\s+default: 7300/);
  });
});

describe('the local dev server', () => {
  it('keeps one database per port, the default port keeping the original file', () => {
    expect(devServerDatabase(7233)).toBe('temporal.db');
    expect(devServerDatabase(7300)).toBe('temporal-7300.db');
  });
});
