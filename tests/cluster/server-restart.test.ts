import { afterAll, expect, it } from 'vitest';
import { startSpec } from '../../src/runs/start-spec';
import { PHASES } from '../../src/shared/phases';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { statusQuery } from '../../src/workflows/messages';
import { phaseOf, startFakeOpenAI, validAnswer } from '../fakes/fake-openai';
import {
  activityStarts,
  CLI_WORKER,
  clusterWorkerEnvironment,
  clusterClient,
  restartTemporalServer,
  temporalServerPid,
} from '../helpers/cluster';
import { waitFor } from '../helpers/wait-for';
import { workerProcesses } from '../helpers/worker-process';

const workers = workerProcesses(CLI_WORKER);
afterAll(() => workers.killAll());

it('finishes a run whose phase was generating while the Temporal server restarted, generating nothing again', async () => {
  let release!: () => void;
  const restarted = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  // The slow model: the first architecture answer is held until the server has restarted, so that
  // phase is in flight across the restart and its answer reaches the new server process.
  const openai = await startFakeOpenAI((body) => {
    const hold = phaseOf(body) === 'architecture' && !held;
    held ||= hold;
    return { kind: 'content', text: validAnswer(body), ...(hold ? { until: restarted } : {}) };
  });
  const { taskQueue, env } = await clusterWorkerEnvironment('restart', openai.baseURL);
  const { client, close } = await clusterClient();
  try {
    workers.start(env);
    workers.start(env);
    const id = await startSpec(client, taskQueue, { feature: 'Add team invitations', gates: 'none' });
    const handle = client.workflow.getHandle(id);
    // The phases that do not read the architecture done first: the held architecture is then the one
    // phase generating, and no other answer can be lost to the server being away.
    const independent = ['requirements', 'database', 'api', 'security'];
    await waitFor(
      async () => {
        if (!held) return undefined;
        const status = await handle.query(statusQuery);
        return independent.every((name) => status.phases.find((phase) => phase.name === name)?.state === 'approved')
          ? true
          : undefined;
      },
      'the architecture generating, the phases beside it done',
      60_000,
    );
    const before = await temporalServerPid();
    await restartTemporalServer();
    // A new server process, not the old one still answering.
    expect(await temporalServerPid()).not.toBe(before);
    release();
    const status = (await handle.result()) as SpecRunStatus;
    expect(status.status).toBe('completed');
    // Every phase generated once as far as the run knows: the first revision, approved (no gates).
    expect(status.phases.map(({ name, state, revision }) => ({ name, state, revision }))).toEqual(
      PHASES.map((name) => ({ name, state: 'approved', revision: 1 })),
    );
    // The model was asked once per phase, except the architecture once per attempt Temporal made:
    // a second attempt happens only when the restart outlasted its 20 s heartbeat timeout.
    const architectureAttempts = Math.max(
      ...(await activityStarts(handle, 'generateArchitecture')).map((start) => start.attempt),
    );
    const calls = openai.callsPerPhase();
    expect(calls).toEqual({
      ...Object.fromEntries(PHASES.map((phase) => [phase, 1])),
      architecture: architectureAttempts,
    });
  } finally {
    await close();
    await openai.close();
  }
});
