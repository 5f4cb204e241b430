import { expect, it } from 'vitest';
import { packFiles } from '../../src/activities/render/pack-files';
import { PHASES } from '../../src/shared/phases';
import { apiStatus, approveEveryGate, callApi } from '../helpers/cluster';

it('runs a gated spec through the API process: each gate approved, the pack written by the workers served', async () => {
  const created = await callApi('POST', '/v1/specs', {
    feature: 'Add passwordless login with magic links',
    gates: 'each',
  });
  expect(created.status).toBe(201);
  const { id } = created.json;
  const approved = await approveEveryGate(id, 'ana');
  expect([...approved].sort()).toEqual([...PHASES].sort());
  const done = await apiStatus(id, (run) => run.status === 'completed', `${id} to complete`);
  expect(done.phase).toBe('done');
  expect(done.phases.every((phase) => phase.state === 'approved' && phase.revision === 1)).toBe(true);
  expect(done.decisions.filter((decision) => decision.by === 'ana')).toHaveLength(PHASES.length);
  // The workers wrote the pack into the shared SPECFORGE_HOME; the API, another process, serves it.
  const spec = await callApi('GET', `/v1/specs/${id}/artifacts/${packFiles(done.slug).technicalSpec}`);
  expect(spec.status).toBe(200);
  expect(spec.text).toMatch(/passwordless login/i);
});
