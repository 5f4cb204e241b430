import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, inject, it } from 'vitest';
import { stringify } from 'yaml';
import { lintOpenApi } from '../../src/activities/validate/redocly-lint';
import { findTemporalCli } from '../../src/temporal/find-temporal-cli';
import { startApiServer, type ApiServer } from '../helpers/api-server';
import { type TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';
import { expectProblem } from '../helpers/expect-problem';
import { useApiServer } from '../helpers/use-api-server';

let stack: TestStack;
let api: ApiServer;
useApiServer((started) => ({ stack, api } = started));

const waitForPhase = (id: string, status: string, phase: string) =>
  waitFor(async () => {
    const response = await api.call('GET', `/v1/specs/${id}`);
    return response.json?.status === status && response.json?.phase === phase ? response.json : undefined;
  }, `${id} to be ${status} at ${phase}`);

describe('POST /v1/specs validation', () => {
  it('refuses a missing feature, naming the field', async () => {
    expectProblem(await api.call('POST', '/v1/specs', { description: 'no feature' }), 422, 'feature');
  });

  it('refuses a 100 KB feature, naming the field', async () => {
    expectProblem(await api.call('POST', '/v1/specs', { feature: 'x'.repeat(100 * 1024) }), 422, 'feature');
  });

  it('refuses an unknown gate policy', async () => {
    const response = await api.call('POST', '/v1/specs', { feature: 'Add audit log', gates: 'sometimes' });
    expectProblem(response, 422, 'gates');
    expect(response.json.detail).toMatch(/each, final, none/);
  });

  it('refuses a GitHub ticket target without a repository', async () => {
    expectProblem(
      await api.call('POST', '/v1/specs', { feature: 'Add audit log', tickets: { target: 'github' } }),
      422,
      'tickets.repo',
    );
  });

  it('refuses unknown fields and malformed JSON', async () => {
    expectProblem(await api.call('POST', '/v1/specs', { feature: 'Add audit log', gate: 'none' }), 422, 'body');
    expectProblem(await api.call('POST', '/v1/specs', undefined, '{"feature": '), 400, 'body');
  });

  it('refuses a decision naming an unknown phase', async () => {
    expectProblem(
      await api.call('POST', '/v1/specs/spec-x-0123abcd/decisions', { phase: 'design', action: 'approve', by: 'ana' }),
      422,
      'phase',
    );
  });

  it('answers 404 for a run that does not exist and an unknown route', async () => {
    expectProblem(await api.call('GET', '/v1/specs/spec-nothing-here-0123abcd'), 404, 'id');
    expectProblem(await api.call('GET', '/v1/nothing'), 404);
  });
});

describe('a gated run over HTTP', () => {
  it('waits at requirements, refuses the wrong phase with 409, and moves on when approved', async () => {
    const created = await api.call('POST', '/v1/specs', {
      feature: 'Add passwordless login with magic links',
      gates: 'each',
    });
    expect(created.status).toBe(201);
    const { id } = created.json;
    await stack.withWorker(async () => {
      const waiting = await waitForPhase(id, 'awaiting_approval', 'requirements');
      expect(waiting.pendingApproval).toMatchObject({ phase: 'requirements' });
      expect(waiting.phases.map((phase: { name: string; state: string }) => phase.state)).toEqual([
        'awaiting_approval',
        ...Array(7).fill('pending'),
      ]);
      expectProblem(
        await api.call('POST', `/v1/specs/${id}/decisions`, { phase: 'api', action: 'approve', by: 'ana' }),
        409,
        'phase',
      );
      expectProblem(
        await api.call('POST', `/v1/specs/${id}/decisions`, {
          phase: 'requirements',
          action: 'request_changes',
          by: 'ana',
        }),
        422,
        'comment',
      );
      const approved = await api.call('POST', `/v1/specs/${id}/decisions`, {
        phase: 'requirements',
        action: 'approve',
        by: 'ana',
        comment: 'Good',
      });
      expect(approved.status).toBe(200);
      expect(approved.json).toMatchObject({ phase: 'requirements', action: 'approve' });
      await waitForPhase(id, 'awaiting_approval', 'architecture');
      const cancelled = await api.call('POST', `/v1/specs/${id}/cancel`);
      expect(cancelled.status).toBe(202);
      await waitForPhase(id, 'cancelled', 'done');
    });
  });

  it('is approved by `temporal workflow signal --name decision` with the contract JSON', async () => {
    const created = await api.call('POST', '/v1/specs', { feature: 'Add team invitations', gates: 'each' });
    const { id } = created.json;
    await stack.withWorker(async () => {
      await waitForPhase(id, 'awaiting_approval', 'requirements');
      const cli = await findTemporalCli({ install: false });
      await promisify(execFile)(cli, [
        'workflow',
        'signal',
        '--address',
        inject('temporalAddress'),
        '--workflow-id',
        id,
        '--name',
        'decision',
        '--input',
        JSON.stringify({ phase: 'requirements', action: 'approve', by: 'ops', comment: 'via CLI' }),
      ]);
      const next = await waitForPhase(id, 'awaiting_approval', 'architecture');
      expect(next.decisions[0]).toMatchObject({ by: 'ops', comment: 'via CLI', outcome: 'applied' });
      await stack.client.workflow.getHandle(id).terminate('test done');
    });
  });
});

describe('open runs with no worker', () => {
  it('answers from search attributes when no worker answers the query', async () => {
    const created = await api.call('POST', '/v1/specs', { feature: 'Add webhooks', gates: 'each' });
    const status = await api.call('GET', `/v1/specs/${created.json.id}`);
    expect(status.json).toMatchObject({
      id: created.json.id,
      feature: 'Add webhooks',
      status: 'running',
      phase: 'requirements',
    });
    expect(status.json.phases[0]).toMatchObject({ name: 'requirements', state: 'running' });
    await stack.client.workflow.getHandle(created.json.id).terminate('test done');
  });
});

describe('closed runs', () => {
  it('reports status, artifacts and files with no worker running', async () => {
    const created = await api.call('POST', '/v1/specs', { feature: 'Export invoices to CSV', gates: 'none' });
    const { id } = created.json;
    await stack.withWorker(() => stack.client.workflow.getHandle(id).result());
    const status = await api.call('GET', `/v1/specs/${id}`);
    expect(status.json).toMatchObject({ id, status: 'completed', phase: 'done', feature: 'Export invoices to CSV' });
    expect(status.json.phases).toHaveLength(8);
    const files = status.json.artifacts.map((artifact: { file: string }) => artifact.file);
    expect(files).toContain('api_spec_export-invoices-to-csv.yaml');
    const yaml = await api.call('GET', `/v1/specs/${id}/artifacts/api_spec_export-invoices-to-csv.yaml`);
    expect(yaml.status).toBe(200);
    expect(yaml.text).toMatch(/^openapi: 3\.1\.0/);
    expectProblem(await api.call('GET', `/v1/specs/${id}/artifacts/..%2F..%2Fetc%2Fpasswd`), 404, 'file');
    expectProblem(
      await api.call('POST', `/v1/specs/${id}/decisions`, { phase: 'cost', action: 'approve', by: 'ana' }),
      409,
    );
    const tickets = await api.call('GET', `/v1/specs/${id}/tickets`);
    expect(tickets.json.plan.epic.title).toBe('Export invoices to CSV');
    expect(tickets.json.created).toHaveLength(tickets.json.plan.tickets.length + 1);
    expect(tickets.json.created[0]).toMatchObject({
      key: 'epic',
      target: 'file',
      // Relative to the output root: no server path is shown.
      url: `export-invoices-to-csv/${id}/tickets/epic.md`,
    });
  });

  it('lists runs from visibility with a status filter and a cursor', async () => {
    const page = await waitFor(async () => {
      const response = await api.call('GET', '/v1/specs?status=completed&limit=1');
      return response.json?.items?.length === 1 && response.json.nextCursor ? response.json : undefined;
    }, 'two completed runs in visibility');
    expect(page.items[0]).toMatchObject({ status: 'completed', phase: 'done' });
    const next = await api.call('GET', `/v1/specs?status=completed&limit=1&cursor=${page.nextCursor}`);
    expect(next.status).toBe(200);
    expect(next.json.items[0]?.id).not.toBe(page.items[0].id);
    expectProblem(await api.call('GET', '/v1/specs?status=sleeping'), 422, 'status');
  });
});

describe('with SPECFORGE_API_TOKEN set', () => {
  it('refuses /v1 calls without the bearer token and keeps /healthz open', async () => {
    const guarded = await startApiServer(stack, { apiToken: 'test-token-0123456789abcdef' });
    try {
      expectProblem(await guarded.call('GET', '/v1/specs'), 401, 'Authorization');
      const allowed = await fetch(`${guarded.base}/v1/specs?limit=1`, {
        headers: { authorization: 'Bearer test-token-0123456789abcdef' },
      });
      expect(allowed.status).toBe(200);
      expect((await guarded.call('GET', '/healthz')).status).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});

describe('service endpoints', () => {
  it('serves its own OpenAPI document, which validates and lints clean', async () => {
    const document = (await api.call('GET', '/openapi.json')).json;
    expect((await lintOpenApi(stringify(document))).errors).toEqual([]);
    await expect(SwaggerParser.validate(document)).resolves.toBeTruthy();
    expect(Object.keys(document.paths)).toContain('/v1/specs/{id}/decisions');
  });

  it('reports health with Temporal reachable, with security headers', async () => {
    const response = await fetch(`${api.base}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok', temporal: 'reachable' });
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
