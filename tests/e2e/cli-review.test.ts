import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { colours } from '../../src/cli/colours';
import { createProgram } from '../../src/cli/create-program';
import { openBackend } from '../../src/cli/open-backend';
import { loadConfig } from '../../src/config/load-config';
import { startApiServer } from '../helpers/api-server';
import { queryStatus, waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';

const run = promisify(execFile);
const TOKEN = 'cli-service-token-0123456789abcdef';

let stack: TestStack;
let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  stack = await createTestStack();
  api = await startApiServer(stack, { apiToken: TOKEN });
});
afterAll(async () => {
  await api.close();
  await stack.close();
});

/** The real command line with the real backends, in this process; output is kept. */
function cli(env: Record<string, string>) {
  const printed: string[] = [];
  const program = createProgram(
    {
      loadConfig: () => loadConfig(env),
      openBackend,
      print: (text) => printed.push(text),
      page: async (text) => void printed.push(text),
      paint: colours(false),
    },
    (root: Command) => root.exitOverride(),
  );
  return {
    printed,
    async run(...args: string[]) {
      printed.length = 0;
      await program.parseAsync(['node', 'specforge', ...args]);
      return printed.join('\n');
    },
  };
}

/** A stored phase revision as a reviewer would save it, changed by `change`. */
async function editedPhaseFile(
  id: string,
  phase: string,
  revision: number,
  change: (content: Record<string, any>) => void,
): Promise<string> {
  const stored = await stack.store.readJsonIfPresent<{ content: Record<string, any> }>(
    stack.store.runDir(id),
    `${phase}.r${revision}.json`,
  );
  change(stored!.content);
  const file = path.join(stack.store.home, `${id}-${phase}-edit-${Math.random().toString(36).slice(2)}.json`);
  await writeFile(file, JSON.stringify(stored));
  return file;
}

describe('the CLI against Temporal and the store on this machine', () => {
  it('views, requests changes, diffs, and edits with --content, refusing an invalid edit', async () => {
    const specforge = cli({
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_TASK_QUEUE: stack.taskQueue,
      SPECFORGE_HOME: stack.store.home,
      SPECFORGE_OUT: stack.outDir,
      SPECFORGE_DECISION_KEY: stack.decisionKey,
    });
    const id = await stack.start({ feature: 'Export invoices to CSV', gates: 'each' });
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements', 1);
      const view = await specforge.run('view', id);
      expect(view).toMatch(/^requirements · revision 1 · awaiting_approval · offline/);
      expect(view).toContain('## 1. Requirements');
      expect(view).toMatch(/Q-2 {2}What peak load must it carry\?\n\s+default: /);

      expect(
        await specforge.run('decide', id, 'requirements', 'request_changes', '--comment', 'Also export credit notes'),
      ).toBe('request_changes requirements (revision 1): regenerating requirements as revision 2');
      await waitForGate(stack.client, id, 'requirements', 2);
      const diff = await specforge.run('diff', id, 'requirements');
      expect(diff).toMatch(
        /^requirements: revision 1 → 2\n {2}\+ added {4}FR-\d+ {2}Reviewer request: Also export credit notes/,
      );
      expect(diff).toMatch(/\n\+ \| FR-\d+ \| Reviewer request: Also export credit notes \|/);

      const invalid = await editedPhaseFile(id, 'requirements', 2, (content) => (content.functional = []));
      await expect(specforge.run('decide', id, 'requirements', 'edit', '--content', invalid)).rejects.toThrow(
        /^The edited requirements is invalid: .*functional/,
      );
      const valid = await editedPhaseFile(
        id,
        'requirements',
        2,
        (content) => (content.summary = 'Invoices and credit notes to CSV, edited by hand'),
      );
      expect(await specforge.run('decide', id, 'requirements', 'edit', '--content', valid)).toBe(
        'edit requirements (revision 3): next phase',
      );

      await waitForGate(stack.client, id, 'architecture', 1);
      expect(await specforge.run('view', id, 'requirements')).toContain(
        'Invoices and credit notes to CSV, edited by hand',
      );
      const decisions = (await queryStatus(stack.client, id)).decisions;
      expect(decisions.map(({ action, outcome, via, verified }) => ({ action, outcome, via, verified }))).toEqual([
        { action: 'request_changes', outcome: 'applied', via: 'cli', verified: true },
        { action: 'edit', outcome: 'rejected', via: 'cli', verified: true },
        { action: 'edit', outcome: 'applied', via: 'cli', verified: true },
      ]);
      expect(decisions[0]!.by).toBe(os.userInfo().username);
      await specforge.run('decide', id, 'architecture', 'abort');
    });
  });
});

describe('the CLI over the API (SPECFORGE_URL and SPECFORGE_TOKEN)', () => {
  it("views, answers the open questions when approving, and is recorded as the token's reviewer via the CLI", async () => {
    const specforge = cli({ SPECFORGE_URL: api.base, SPECFORGE_TOKEN: TOKEN });
    const id = await stack.start({ feature: 'Export invoices to CSV', gates: 'each' });
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements', 1);
      expect(await specforge.run('view', id)).toContain('## 1. Requirements');
      expect(await specforge.run('status', id)).toContain('waiting for a decision on requirements (revision 1)');

      await specforge.run('decide', id, 'requirements', 'approve', '--answer', 'Q-2=500 requests per second at peak');
      await waitForGate(stack.client, id, 'architecture', 1);
      expect(await specforge.run('view', id, 'requirements')).toMatch(
        /Q-2 {2}What peak load must it carry\?\n\s+answered: 500 requests per second at peak/,
      );
      expect((await queryStatus(stack.client, id)).decisions).toEqual([
        expect.objectContaining({ action: 'approve', by: 'service', via: 'cli', verified: true, outcome: 'applied' }),
      ]);

      await expect(specforge.run('diff', id, 'architecture')).rejects.toThrow(
        'architecture revision 1 is its first: there is nothing earlier to compare it with',
      );
      await expect(specforge.run('decide', id, 'requirements', 'approve')).rejects.toThrow(
        /the run is waiting on "architecture", not "requirements"/,
      );
      await specforge.run('decide', id, 'architecture', 'abort');
    });
  });

  it('prints a refusal from the API as one line and exits with 1', async () => {
    const env = { ...process.env, SPECFORGE_URL: api.base, SPECFORGE_TOKEN: 'not-the-token-0123456789' };
    const failure = await run(process.execPath, ['bin/specforge.js', 'list'], { env }).then(
      () => expect.unreachable('the command should fail'),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failure.code).toBe(1);
    expect(failure.stdout).toBe('');
    expect(failure.stderr).toBe('specforge: The token is not a configured reviewer or service token\n');
  });
});
