import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { readSpecStatus } from '../../src/runs/read-spec-status';
import { waitFor } from '../helpers/wait-for';

const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V']);
    return true;
  } catch {
    return false;
  }
})();

/** A real pseudo-terminal: the CLI runs in a detached tmux pane; keys are sent and the screen is read. */
function tmuxPane(name: string) {
  const tmux = (...args: string[]) => execFileSync('tmux', args, { encoding: 'utf8' });
  return {
    start(command: string, env: Record<string, string>) {
      tmux(
        'new-session',
        '-d',
        '-s',
        name,
        '-x',
        '120',
        '-y',
        '45',
        'env',
        ...Object.entries(env).map(([key, value]) => `${key}=${value}`),
        'sh',
        '-c',
        command,
      );
      tmux('set-option', '-t', name, 'remain-on-exit', 'on');
    },
    keys: (...keys: string[]) => void tmux('send-keys', '-t', name, ...keys),
    type: (text: string) => void tmux('send-keys', '-t', name, '-l', text),
    /** The visible screen and the scrollback. */
    screen: () => tmux('capture-pane', '-p', '-J', '-S', '-200', '-t', name),
    async waitFor(pattern: RegExp, what: string) {
      return waitFor(
        async () => (pattern.test(this.screen()) ? true : undefined),
        `${what} on screen:\n${this.screen()}`,
        60_000,
      );
    },
    stop: () => {
      try {
        tmux('kill-session', '-t', name);
      } catch {
        // Already gone.
      }
    },
  };
}

const pane = tmuxPane(`specforge-cli-${randomUUID().slice(0, 8)}`);
let connection: Connection;
beforeAll(async () => {
  connection = await Connection.connect({ address: inject('temporalAddress') });
});
afterAll(async () => {
  pane.stop();
  await connection?.close();
});

it.skipIf(!hasTmux)(
  'runs the gates of `specforge new` in a terminal: view, change, diff, a refused edit, answers, abort',
  async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-tty-'));
    const home = path.join(root, 'home');
    pane.start(`node bin/specforge.js new "Export invoices to CSV"`, {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? root,
      TERM: 'xterm-256color',
      PAGER: 'less -R',
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_TASK_QUEUE: `tty-${randomUUID()}`,
      SPECFORGE_HOME: home,
      SPECFORGE_OUT: path.join(root, 'specs'),
      SPECFORGE_URL: 'https://specs.example.com',
    });
    const choices =
      /\[a\]pprove, request \[c\]hanges, \[e\]dit from a JSON file, \[v\]iew(, \[d\]iff)?, a\[b\]ort\? $/m;
    await pane.waitFor(
      /requirements \(revision 1\) is ready for review[\s\S]*\[v\]iew the section, or review it at https:\/\/specs\.example\.com\/specs\/spec-export-invoices-to-csv-[0-9a-f]{8}/,
      'the first gate',
    );
    await pane.waitFor(choices, 'the choices');

    pane.keys('v', 'Enter');
    await pane.waitFor(/## 1\. Requirements[\s\S]*### Functional requirements/, 'the requirements in the pager');
    pane.keys('q');

    pane.keys('c', 'Enter');
    await pane.waitFor(/What should change\? $/m, 'the comment prompt');
    pane.type('Also export credit notes');
    pane.keys('Enter');
    await pane.waitFor(
      /requirements \(revision 2\) is ready for review[\s\S]*\[d\]iff against revision 1/,
      'the second revision',
    );

    pane.keys('d', 'Enter');
    await pane.waitFor(
      /requirements: revision 1 → 2\n {2}\+ added {4}FR-\d+ {2}Reviewer request: Also export credit notes/,
      'the diff',
    );
    await pane.waitFor(/\n\+ \| FR-\d+ \| Reviewer request: Also export credit notes \| should \|/, 'the added line');

    const [id] = await readdir(path.join(home, 'runs'));
    const stored = JSON.parse(await readFile(path.join(home, 'runs', id!, 'requirements.r2.json'), 'utf8'));
    const invalid = path.join(root, 'invalid.json');
    await writeFile(invalid, JSON.stringify({ ...stored, content: { ...stored.content, functional: [] } }));
    pane.keys('e', 'Enter');
    await pane.waitFor(/JSON file with the replacement content: $/m, 'the file prompt');
    pane.type(invalid);
    pane.keys('Enter');
    await pane.waitFor(
      /Refused: The edited requirements is invalid: .*functional.*\n\n── requirements \(revision 2\) is ready for review/,
      'the refusal',
    );
    expect(pane.screen()).not.toMatch(/Activity failed|ApplicationFailure|taskToken/);

    pane.keys('a', 'Enter');
    await pane.waitFor(/Q-1 Who may use this feature\?\n {4}\[.+\] $/m, 'the first question');
    pane.keys('Enter');
    await pane.waitFor(/Q-2 What peak load must it carry\?\n {4}\[.+\] $/m, 'the second question');
    pane.type('500 requests per second at peak');
    pane.keys('Enter');
    await pane.waitFor(/Q-3 How long are invoices kept\?\n {4}\[.+\] $/m, 'the third question');
    pane.keys('Enter');
    await pane.waitFor(
      /✔ requirements: [\s\S]*architecture \(revision 1\) is ready for review/,
      'the architecture gate',
    );

    pane.keys('b', 'Enter');
    await pane.waitFor(/Run cancelled in [0-9.]+ s\./, 'the end of the run');

    const status = await readSpecStatus(new Client({ connection }), id!);
    expect(status.answers).toEqual({
      'Q-1': expect.any(String),
      'Q-2': '500 requests per second at peak',
      'Q-3': expect.any(String),
    });
    expect(status.answers!['Q-1']).toMatch(/^Signed-in users/);
    expect(status.decisions.map((decision) => `${decision.action}:${decision.outcome}`)).toEqual([
      'request_changes:applied',
      'edit:rejected',
      'approve:applied',
      'abort:applied',
    ]);
  },
);
