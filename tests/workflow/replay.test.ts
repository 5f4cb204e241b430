import { readFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { expect, inject, it } from 'vitest';
import { quietRuntime } from '../helpers/quiet-runtime';

it('replays a recorded gated run (one change request, then approvals) against the current workflow code', async () => {
  quietRuntime();
  const history = JSON.parse(await readFile(new URL('../fixtures/histories/gated-run.json', import.meta.url), 'utf8'));
  expect(history.events.length).toBeGreaterThan(100);
  await expect(
    Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, 'spec-recorded-gated-run-00000000'),
  ).resolves.toBeUndefined();
});
