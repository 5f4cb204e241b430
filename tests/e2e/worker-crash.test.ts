import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, expect, inject, it } from 'vitest';
import { statusQuery } from '../../src/workflows/messages';
import { startSpec } from '../../src/runs/start-spec';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { startFakeOpenAI, validAnswer } from '../fakes/fake-openai';
import { waitFor } from '../helpers/wait-for';
import { workerProcesses } from '../helpers/worker-process';

const workers = workerProcesses();
afterAll(() => workers.killAll());

it('finishes the run after a worker is killed mid-phase, without repeating completed phases', async () => {
  let hungOnce = false;
  const openai = await startFakeOpenAI((body) => {
    if (body.response_format?.json_schema?.name === 'architecture' && !hungOnce) {
      hungOnce = true;
      return { kind: 'hang', ms: 120_000 };
    }
    return { kind: 'content', text: validAnswer(body) };
  });
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-crash-'));
  const taskQueue = `crash-${Date.now()}`;
  const env = {
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: taskQueue,
    OPENAI_API_KEY: 'sk-test-not-a-real-key',
    OPENAI_BASE_URL: openai.baseURL,
    SPECFORGE_HOME: path.join(root, 'home'),
    SPECFORGE_OUT: path.join(root, 'specs'),
  };
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  const client = new Client({ connection });
  try {
    const id = await startSpec(client, taskQueue, {
      feature: 'Add passwordless login with magic links',
      gates: 'none',
    });
    const first = workers.start(env);
    // Phases run side by side without gates: the kill waits until every phase that does not read the
    // architecture is approved, so the hung architecture is the one phase in flight.
    const independent = ['requirements', 'database', 'api', 'security'];
    await waitFor(
      async () => {
        if (!hungOnce) return undefined;
        const status = await client.workflow.getHandle(id).query(statusQuery);
        return independent.every((name) => status.phases.find((phase) => phase.name === name)?.state === 'approved')
          ? true
          : undefined;
      },
      'the architecture call, with the phases that do not read it approved',
      60_000,
    );
    first.kill('SIGKILL');
    workers.start(env);
    const status = (await client.workflow.getHandle(id).result()) as SpecRunStatus;
    expect(status.status).toBe('completed');
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
    expect(openai.requests.every((request) => request.authorization === 'Bearer sk-test-not-a-real-key')).toBe(true);
  } finally {
    await connection.close();
    await openai.close();
  }
}, 180_000);
