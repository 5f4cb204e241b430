import { readFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { expect, inject, it } from 'vitest';
import { workerSinks } from '../../src/workers/worker-interceptors';
import { quietRuntime } from '../helpers/quiet-runtime';

// gated-run: recorded before the parent planned the tickets (the patched() path); gated-run-v2: after;
// reopened-run: the requirements reopened at the security gate, and the phases that read them approved again.
it.each(['gated-run', 'gated-run-v2', 'reopened-run'])(
  'replays the recorded history %s (a change request, then approvals) against the current workflow code',
  async (name) => {
    quietRuntime();
    const history = JSON.parse(await readFile(new URL(`../fixtures/histories/${name}.json`, import.meta.url), 'utf8'));
    expect(history.events.length).toBeGreaterThan(100);
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { codePath: inject('workflowBundlePath') }, sinks: workerSinks() },
        history,
        'spec-recorded-gated-run-00000000',
      ),
    ).resolves.toBeUndefined();
  },
);
