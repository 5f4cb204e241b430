import { afterAll, expect, it } from 'vitest';
import { startSpec } from '../../src/runs/start-spec';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { statusQuery } from '../../src/workflows/messages';
import { startFakeOpenAI, validAnswer } from '../fakes/fake-openai';
import { CLI_WORKER, clusterClient, clusterWorkerEnvironment } from '../helpers/cluster';
import { waitFor } from '../helpers/wait-for';
import { workerProcesses } from '../helpers/worker-process';

const workers = workerProcesses(CLI_WORKER);
afterAll(() => workers.killAll());

it('finishes the run on the other worker when the one generating a phase is killed, repeating only that phase', async () => {
  let hungOnce = false;
  // The slow model: the first architecture call never answers, so that phase is in flight when its worker dies.
  const openai = await startFakeOpenAI((body) => {
    if (body.response_format?.json_schema?.name === 'architecture' && !hungOnce) {
      hungOnce = true;
      return { kind: 'hang', ms: 120_000 };
    }
    return { kind: 'content', text: validAnswer(body) };
  });
  const { taskQueue, env } = await clusterWorkerEnvironment('crash', openai.baseURL);
  const { client, close } = await clusterClient();
  try {
    const pair = [workers.start(env), workers.start(env)];
    const id = await startSpec(client, taskQueue, {
      feature: 'Add passwordless login with magic links',
      gates: 'none',
    });
    const handle = client.workflow.getHandle(id);
    // The phases that do not read the architecture approved: the hung architecture is the one phase in flight.
    const independent = ['requirements', 'database', 'api', 'security'];
    const holder = await waitFor(
      async () => {
        if (!hungOnce) return undefined;
        const status = await handle.query(statusQuery);
        if (!independent.every((name) => status.phases.find((phase) => phase.name === name)?.state === 'approved'))
          return undefined;
        // The worker holding it: its identity is `pid@host`.
        const pending = (await handle.describe()).raw.pendingActivities ?? [];
        const pids = pending.map((activity) => Number(activity.lastWorkerIdentity?.split('@')[0]));
        return pair.find((worker) => pids.includes(worker.pid!));
      },
      'the architecture call in flight on one of the two workers',
      60_000,
    );
    holder.kill('SIGKILL');
    const status = (await handle.result()) as SpecRunStatus;
    expect(status.status).toBe('completed');
    expect(pair.find((worker) => worker !== holder)!.exitCode).toBeNull();
    const calls = openai.callsPerPhase();
    expect(calls).toEqual({
      requirements: 1,
      architecture: 2,
      database: 1,
      api: 1,
      security: 1,
      testing: 1,
      rollout: 1,
      cost: 1,
    });
  } finally {
    await close();
    await openai.close();
  }
});
