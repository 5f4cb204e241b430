import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_DECISION_BYTES } from '../../src/shared/decision-size';
import { type ApiServer } from '../helpers/api-server';
import { waitForGate } from '../helpers/spec-helpers';
import { type TestStack } from '../helpers/test-stack';
import { expectProblem } from '../helpers/expect-problem';
import { useApiServer } from '../helpers/use-api-server';

let stack: TestStack;
let api: ApiServer;
useApiServer((started) => ({ stack, api } = started));

describe('gateTimeout at the API', () => {
  it.each([
    ['1ms', /at least 1 minute/],
    ['0ms', /at least 1 minute/],
    ['59s', /at least 1 minute/],
    ['1\t ms', /must be a duration/],
    ['1\nm', /must be a duration/],
    ['1  h', /must be a duration/],
    ['400 days', /at most 365 days/],
  ])('refuses %j, naming the field', async (gateTimeout, message) => {
    const response = await api.call('POST', '/v1/specs', { feature: 'Add audit log', gateTimeout });
    expectProblem(response, 422, 'gateTimeout');
    expect(response.json.detail).toMatch(message);
  });

  it('takes a timeout of a minute or more, which the run then parses alike', async () => {
    const response = await api.call('POST', '/v1/specs', { feature: 'Add audit log', gateTimeout: '2 minutes' });
    expect(response.status).toBe(201);
    const handle = stack.client.workflow.getHandle(response.json.id);
    await stack.withWorker(async () => {
      await waitForGate(stack.client, response.json.id, 'requirements');
      expect((await handle.describe()).status.name).toBe('RUNNING');
    });
    await handle.terminate('test done');
  });
});

describe('decision size at the API', () => {
  it('refuses a decision over the cap with 413 naming the field, and the run never sees it', async () => {
    const id = await stack.start({ feature: 'Add audit log', gates: 'each' });
    const handle = stack.client.workflow.getHandle(id);
    const before = (await handle.describe()).historyLength;
    const response = await api.call('POST', `/v1/specs/${id}/decisions`, {
      phase: 'requirements',
      action: 'edit',
      by: 'ana',
      content: { padding: 'x'.repeat(MAX_DECISION_BYTES) },
    });
    expectProblem(response, 413, 'content');
    expect(response.json.detail).toContain(`at most ${MAX_DECISION_BYTES} bytes`);
    expect((await handle.describe()).historyLength).toBe(before);
    await handle.terminate('test done');
  });

  it('stores an edit before sending it, so the decision carries a reference and the run applies it', async () => {
    const id = await stack.start({ feature: 'Add audit log', gates: 'each' });
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const revision = JSON.parse(
        await readFile(path.join(stack.store.runDir(id), 'requirements.r1.json'), 'utf8'),
      ) as { content: Record<string, unknown> };
      const response = await api.call('POST', `/v1/specs/${id}/decisions`, {
        phase: 'requirements',
        action: 'edit',
        by: 'ana',
        content: revision.content,
      });
      expect(response.status).toBe(200);
      expect(response.json).toMatchObject({ revision: 2, next: 'next phase' });
      expect(await readdir(path.join(stack.store.runDir(id), 'decisions'))).toHaveLength(1);
      await stack.client.workflow.getHandle(id).terminate('test done');
    });
  });

  it('stores nothing for an edit sent to a run that has finished', async () => {
    const id = await stack.start({ feature: 'Add audit log', gates: 'each' });
    await stack.client.workflow.getHandle(id).terminate('finished before the edit');
    const response = await api.call('POST', `/v1/specs/${id}/decisions`, {
      phase: 'requirements',
      action: 'edit',
      by: 'ana',
      content: { summary: 'x'.repeat(1000) },
    });
    expect(response.status).toBe(409);
    await expect(readdir(path.join(stack.store.runDir(id), 'decisions'))).rejects.toThrow(/ENOENT/);
  });
});
