import { createHash } from 'node:crypto';
import SwaggerParser from '@apidevtools/swagger-parser';
import { ApplicationFailure } from '@temporalio/common';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ReviewerDirectory } from '../../src/api/auth/reviewer-directory';
import type { Generator } from '../../src/activities/llm/generator';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import { lintOpenApi } from '../../src/activities/validate/redocly-lint';
import { readSpecRequest } from '../../src/runs/read-spec-request';
import { readSpecStatus } from '../../src/runs/read-spec-status';
import { PHASES, type PhaseName } from '../../src/shared/phases';
import type { SpecRequest } from '../../src/shared/spec-run';
import { startApiServer, type ApiServer } from '../helpers/api-server';
import { expectProblem } from '../helpers/expect-problem';
import type { TestStack } from '../helpers/test-stack';
import { useApiServer } from '../helpers/use-api-server';

let stack: TestStack;
let api: ApiServer;
useApiServer((started) => ({ stack, api } = started));

const UNKNOWN_ID = 'spec-nothing-here-0123abcd';

/** The offline generator, refusing one phase the way a model that will not answer does. */
function refusing(phase: PhaseName): Generator {
  const offline = createOfflineGenerator();
  return {
    provider: offline.provider,
    model: offline.model,
    async generate(definition, context, check, progress) {
      if (definition.name === phase) throw ApplicationFailure.nonRetryable('the model refused', 'ModelRefused');
      return offline.generate(definition, context, check, progress);
    },
  };
}

/** Runs `request` with a worker until it closes, however it ends. */
async function finishedRun(request: SpecRequest, generator?: Generator): Promise<string> {
  const id = await stack.start(request);
  await stack.withWorker(
    () =>
      stack.client.workflow
        .getHandle(id)
        .result()
        .catch(() => undefined),
    generator,
  );
  return id;
}

/** The run started by an amendment or retry, read back as Temporal holds it, then stopped: its workflow is not under test here. */
async function startedRequest(id: string): Promise<{ request: SpecRequest; memo: Record<string, unknown> }> {
  const request = await readSpecRequest(stack.client, id);
  const handle = stack.client.workflow.getHandle(id);
  const memo = (await handle.describe()).memo ?? {};
  await handle.terminate('amendments-api test: only the start is checked');
  return { request, memo };
}

const allApproved = Object.fromEntries(PHASES.map((phase) => [phase, 1]));

describe('POST /v1/specs/:id/amendments validation', () => {
  it('refuses a missing or unknown phase, naming it', async () => {
    const url = `/v1/specs/${UNKNOWN_ID}/amendments`;
    expectProblem(await api.call('POST', url, { comment: 'Add SSO', by: 'ana' }), 422, 'phase');
    expectProblem(await api.call('POST', url, { phase: 'tickets', comment: 'Add SSO', by: 'ana' }), 422, 'phase');
  });

  it('refuses a missing or blank comment, naming it', async () => {
    const url = `/v1/specs/${UNKNOWN_ID}/amendments`;
    expectProblem(await api.call('POST', url, { phase: 'requirements', by: 'ana' }), 422, 'comment');
    expectProblem(await api.call('POST', url, { phase: 'requirements', comment: ' \n ', by: 'ana' }), 422, 'comment');
  });

  it('asks who amends when no reviewers are configured', async () => {
    const response = await api.call('POST', `/v1/specs/${UNKNOWN_ID}/amendments`, {
      phase: 'requirements',
      comment: 'Add SSO',
    });
    expectProblem(response, 422, 'by');
  });

  it('answers 404 for a run that does not exist', async () => {
    const body = { phase: 'requirements', comment: 'Add SSO', by: 'ana' };
    expectProblem(await api.call('POST', `/v1/specs/${UNKNOWN_ID}/amendments`, body), 404, 'id');
    expectProblem(await api.call('POST', `/v1/specs/${UNKNOWN_ID}/retry`), 404, 'id');
  });

  it('refuses a reopen decision without a comment, naming it', async () => {
    const response = await api.call('POST', `/v1/specs/${UNKNOWN_ID}/decisions`, {
      phase: 'requirements',
      action: 'reopen',
      by: 'ana',
    });
    expectProblem(response, 422, 'comment');
  });
});

describe('an open run', () => {
  it('is neither amended nor retried: 409 naming its status', async () => {
    const id = await stack.start({ feature: 'Add team invitations', gates: 'each' });
    try {
      const amended = await api.call('POST', `/v1/specs/${id}/amendments`, {
        phase: 'requirements',
        comment: 'Add SSO',
        by: 'ana',
      });
      expectProblem(amended, 409);
      expect(amended.json.detail).toMatch(/is running: only a completed run can be amended; send a reopen decision/);
      const retried = await api.call('POST', `/v1/specs/${id}/retry`);
      expectProblem(retried, 409);
      expect(retried.json.detail).toMatch(/is running: only a failed or cancelled run can be retried/);
    } finally {
      await stack.client.workflow.getHandle(id).terminate('test done');
    }
  });
});

describe('a completed run', () => {
  let id: string;
  const original: SpecRequest = { feature: 'Export invoices to CSV', gates: 'none', approvers: ['ana', 'ben'] };
  beforeAll(async () => {
    id = await finishedRun(original);
  });

  it('is amended by a new run that adopts its approved phases and reopens the named one', async () => {
    const old = await readSpecStatus(stack.client, id);
    expect(old.status).toBe('completed');
    const response = await api.call('POST', `/v1/specs/${id}/amendments`, {
      phase: 'api',
      comment: 'Paginate GET /invoices',
      by: 'ana',
      closeRemoved: true,
    });
    expect(response.status, response.text).toBe(201);
    const started = response.json.id as string;
    expect(started).not.toBe(id);
    expect(response.headers.get('location')).toBe(`/v1/specs/${started}`);
    expect(response.json).toMatchObject({
      id: started,
      amends: id,
      version: 2,
      status: 'running',
      links: { self: `/v1/specs/${started}`, review: `/specs/${started}` },
    });
    const { request, memo } = await startedRequest(started);
    expect(request).toEqual({
      ...original,
      tickets: { target: 'file', closeRemoved: true },
      basis: {
        kind: 'amendment',
        from: id,
        fromSlug: 'export-invoices-to-csv',
        lineage: id,
        version: 2,
        approved: allApproved,
        ...(old.answers ? { answers: old.answers } : {}),
        reopen: { phase: 'api', comment: 'Paginate GET /invoices', by: 'ana' },
      },
    });
    expect(memo.request).toMatchObject({ feature: original.feature, amends: id });
  });

  it('refuses a second amendment of the same version, naming the run that makes it', async () => {
    const again = await api.call('POST', `/v1/specs/${id}/amendments`, {
      phase: 'cost',
      comment: 'Spot instances',
      by: 'ben',
    });
    expectProblem(again, 409);
    expect(again.json.detail).toMatch(
      /version 2 of this spec is already run spec-[a-z0-9-]+: amend the latest version/,
    );
  });

  it('refuses an amendment by someone who is not an approver of the run, naming `by`', async () => {
    const response = await api.call('POST', `/v1/specs/${id}/amendments`, {
      phase: 'api',
      comment: 'Paginate GET /invoices',
      by: 'carl',
    });
    expectProblem(response, 403, 'by');
  });

  it('is not retried: 409 pointing to an amendment', async () => {
    const response = await api.call('POST', `/v1/specs/${id}/retry`);
    expectProblem(response, 409);
    expect(response.json.detail).toMatch(/is completed: only a failed or cancelled run can be retried.*\/amendments/);
  });

  it('refuses decisions, pointing to an amendment', async () => {
    const response = await api.call('POST', `/v1/specs/${id}/decisions`, {
      phase: 'requirements',
      action: 'reopen',
      by: 'ana',
      comment: 'Add SSO',
    });
    expectProblem(response, 409);
    expect(response.json.detail).toContain(`POST /v1/specs/${id}/amendments`);
  });

  it("takes `by` from a reviewer's token, and refuses a reviewer amending as another", async () => {
    const token = 'ana-fake-token-0000000000000000';
    const reviewers = new ReviewerDirectory([
      { name: 'ana', role: 'reviewer', tokenSha256: createHash('sha256').update(token).digest('hex') },
    ]);
    const guarded = await startApiServer(stack, { reviewers });
    // A run of its own: the shared one has its version 2 already.
    const id = await finishedRun(original);
    try {
      const as = { authorization: `Bearer ${token}` };
      const body = { phase: 'requirements', comment: 'Add SSO' };
      expectProblem(
        await guarded.call('POST', `/v1/specs/${id}/amendments`, { ...body, by: 'ben' }, undefined, as),
        403,
        'by',
      );
      const response = await guarded.call('POST', `/v1/specs/${id}/amendments`, body, undefined, as);
      expect(response.status, response.text).toBe(201);
      const { request } = await startedRequest(response.json.id);
      expect(request.basis?.reopen).toEqual({ phase: 'requirements', comment: 'Add SSO', by: 'ana' });
    } finally {
      await guarded.close();
    }
  });
});

describe('a failed run', () => {
  let id: string;
  const original: SpecRequest = { feature: 'Archive old invoices', gates: 'none' };
  beforeAll(async () => {
    id = await finishedRun(original, refusing('database'));
  });

  it('is retried by a new run that keeps the phases approved before the failure', async () => {
    const old = await readSpecStatus(stack.client, id);
    expect(old.status).toBe('failed');
    const response = await api.call('POST', `/v1/specs/${id}/retry`);
    expect(response.status, response.text).toBe(201);
    const started = response.json.id as string;
    expect(response.headers.get('location')).toBe(`/v1/specs/${started}`);
    expect(response.json).toMatchObject({ id: started, retries: id, status: 'running' });
    const { request, memo } = await startedRequest(started);
    expect(request).toEqual({
      ...original,
      basis: {
        kind: 'retry',
        from: id,
        fromSlug: 'archive-old-invoices',
        lineage: id,
        version: 1,
        // Without gates, cost (requirements, architecture) is made beside the failing database: kept too.
        approved: { requirements: 1, architecture: 1, cost: 1 },
        ...(old.answers ? { answers: old.answers } : {}),
      },
    });
    expect(memo.request).toMatchObject({ retries: id });
  });

  it('is not amended: 409 pointing to a retry', async () => {
    const response = await api.call('POST', `/v1/specs/${id}/amendments`, {
      phase: 'requirements',
      comment: 'Add SSO',
      by: 'ana',
    });
    expectProblem(response, 409);
    expect(response.json.detail).toMatch(/is failed: only a completed run can be amended; retry it/);
  });
});

describe('the API contract', () => {
  it('describes amendments and retries, and still validates and lints clean', async () => {
    const document = (await api.call('GET', '/openapi.json')).json;
    expect(document.paths['/v1/specs/{id}/amendments'].post.responses).toHaveProperty('409');
    expect(document.paths['/v1/specs/{id}/retry'].post.responses).toHaveProperty('409');
    expect((await lintOpenApi(stringify(document))).errors).toEqual([]);
    await expect(SwaggerParser.validate(document)).resolves.toBeTruthy();
  });
});
