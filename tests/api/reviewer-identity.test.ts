import { createHash } from 'node:crypto';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReviewerDirectory } from '../../src/api/auth/reviewer-directory';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate, decisionSignal } from '../../src/workflows/messages';
import { startApiServer } from '../helpers/api-server';
import { queryStatus, waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';
import { FailureType } from '../../src/shared/failure-types';

const TOKENS = {
  ana: 'ana-fake-token-0000000000000000',
  bob: 'bob-fake-token-1111111111111111',
  root: 'root-fake-token-222222222222222',
};
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const reviewers = new ReviewerDirectory([
  { name: 'ana', role: 'reviewer', tokenSha256: sha256(TOKENS.ana) },
  { name: 'bob', role: 'reviewer', tokenSha256: sha256(TOKENS.bob) },
  { name: 'root', role: 'admin', tokenSha256: sha256(TOKENS.root) },
]);
const as = (name: keyof typeof TOKENS) => ({ authorization: `Bearer ${TOKENS[name]}` });

let stack: TestStack;
let api: Awaited<ReturnType<typeof startApiServer>>;
beforeAll(async () => {
  stack = await createTestStack();
  api = await startApiServer(stack, { reviewers });
});
afterAll(async () => {
  await api.close();
  await stack.close();
});

async function startRun(body: Record<string, unknown>): Promise<string> {
  const created = await api.call(
    'POST',
    '/v1/specs',
    { feature: 'Export invoices as CSV', ...body },
    undefined,
    as('root'),
  );
  expect(created.status).toBe(201);
  return created.json.id;
}

const decide = (id: string, who: keyof typeof TOKENS, body: Record<string, unknown>) =>
  api.call(
    'POST',
    `/v1/specs/${id}/decisions`,
    { phase: 'requirements', action: 'approve', ...body },
    undefined,
    as(who),
  );
const lastDecision = async (id: string) => (await queryStatus(stack.client, id)).decisions.at(-1);

describe('reviewer identity', () => {
  it('asks for a token or a session everywhere but health, the contract and sign-in', async () => {
    expect((await api.call('GET', '/v1/specs')).status).toBe(401);
    expect(
      (await api.call('GET', '/v1/specs', undefined, undefined, { authorization: 'Bearer not-a-token' })).status,
    ).toBe(401);
    const page = await api.call('GET', '/', undefined, undefined, { accept: 'text/html' });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/signin\?next=/);
    expect((await api.call('GET', '/openapi.json')).status).toBe(200);
  });

  it("refuses a token that is not among the run's approvers with 403 problem+json", async () => {
    const id = await startRun({ approvers: ['ana'] });
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const refused = await decide(id, 'bob', {});
      expect(refused.status).toBe(403);
      expect(refused.type).toContain('application/problem+json');
      expect(refused.json.errors).toEqual([expect.objectContaining({ field: 'by' })]);
      expect((await queryStatus(stack.client, id)).decisions).toEqual([]);
    });
  });

  it('takes by from the token, refuses a reviewer naming someone else, and records the decision as verified', async () => {
    const id = await startRun({ approvers: ['ana', 'bob'] });
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const impersonation = await decide(id, 'ana', { by: 'bob' });
      expect(impersonation.status).toBe(403);
      expect(impersonation.json.errors[0].field).toBe('by');
      const approved = await decide(id, 'ana', {});
      expect(approved.status).toBe(200);
      expect(await lastDecision(id)).toMatchObject({ by: 'ana', via: 'api', verified: true, outcome: 'applied' });
      expect(await lastDecision(id)).not.toHaveProperty('proof');
      await waitForGate(stack.client, id, 'architecture');
      expect(await decide(id, 'bob', { phase: 'architecture' }).then(() => lastDecision(id))).toMatchObject({
        by: 'bob',
        via: 'api',
        verified: true,
      });
    });
  });

  it("lets an admin decide for one of the run's approvers, recorded with the admin as actor", async () => {
    const id = await startRun({ approvers: ['ana'] });
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      expect((await decide(id, 'root', { by: 'bob' })).status).toBe(403);
      expect((await decide(id, 'root', { by: 'ana', comment: 'Ana asked me to' })).status).toBe(200);
      expect(await lastDecision(id)).toMatchObject({ by: 'ana', actor: 'root', verified: true });
    });
  });

  it('records raw Temporal messages as unverified, and a requireVerified run refuses them and shows the refusal', async () => {
    const id = await startRun({ requireVerified: true });
    const handle = stack.client.workflow.getHandle(id);
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const update = await handle
        .executeUpdate(decideUpdate, { args: [{ phase: 'requirements', action: 'approve', by: 'ana' }] })
        .catch((error) => error);
      expect(update).toBeInstanceOf(WorkflowUpdateFailedError);
      expect(update.cause).toMatchObject({ type: FailureType.DecisionForbidden });
      await handle.signal(decisionSignal, {
        phase: 'requirements',
        action: 'approve',
        by: 'ana',
        via: 'api',
        proof: 'forged',
      });
      const refused = await waitFor(async () => (await queryStatus(stack.client, id)).refused, 'the refusal');
      expect(refused).toMatchObject({
        via: 'signal',
        verified: false,
        outcome: 'rejected',
        reason: expect.stringContaining('not signed by this specforge'),
      });
      const metadata = await handle.query<{ currentDetails?: string }>('__temporal_workflow_metadata');
      expect(metadata.currentDetails).toMatch(/\*\*Refused\*\* approve on requirements by ana \(via signal\)/);
      expect((await queryStatus(stack.client, id)).pendingApproval?.phase).toBe('requirements');
      expect((await decide(id, 'ana', {})).status).toBe(200);
      const status: SpecRunStatus = await queryStatus(stack.client, id);
      expect(status.refused).toBeUndefined();
      expect(status.decisions.at(-1)).toMatchObject({ by: 'ana', via: 'api', verified: true });
    });
  });

  it('waits for the approvals a run requires, from distinct approvers, and shows who has approved', async () => {
    const id = await startRun({ approvers: ['ana', 'bob'], approvalsRequired: 2 });
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const first = await decide(id, 'ana', {});
      expect(first.json.next).toMatch(/1 more approval/);
      expect((await queryStatus(stack.client, id)).pendingApproval).toMatchObject({
        approvalsRequired: 2,
        approvals: [expect.objectContaining({ by: 'ana' })],
      });
      expect((await decide(id, 'ana', {})).status).toBe(409);
      expect((await decide(id, 'bob', {})).json.next).toBe('next phase');
      await waitForGate(stack.client, id, 'architecture');
    });
  });

  it('signs in a browser with a session cookie whose POSTs carry the CSRF token, and signs it out', async () => {
    const signin = await fetch(`${api.base}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${TOKENS.ana}&next=%2Fspecs`,
    });
    expect(signin.status).toBe(303);
    expect(signin.headers.get('location')).toBe('/specs');
    const cookie = signin.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = { cookie: cookie.split(';')[0]! };
    const me = await api.call('GET', '/v1/session', undefined, undefined, session);
    expect(me.json).toMatchObject({ name: 'ana', role: 'reviewer', via: 'session', csrfToken: expect.any(String) });

    const id = await startRun({});
    await stack.withWorker(async () => {
      await waitForGate(stack.client, id, 'requirements');
      const body = { phase: 'requirements', action: 'approve' };
      expect((await api.call('POST', `/v1/specs/${id}/decisions`, body, undefined, session)).status).toBe(403);
      expect(
        (
          await api.call('POST', `/v1/specs/${id}/decisions`, body, undefined, {
            ...session,
            'x-csrf-token': me.json.csrfToken,
          })
        ).status,
      ).toBe(200);
      expect(await lastDecision(id)).toMatchObject({ by: 'ana', via: 'page', verified: true });
    });

    const signout = await api.call('POST', '/signout', undefined, `_csrf=${me.json.csrfToken}`, {
      ...session,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(signout.status).toBe(303);
    expect((await api.call('GET', '/v1/specs', undefined, undefined, session)).status).toBe(401);
    const wrong = await fetch(`${api.base}/signin`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=nope&next=//evil.example',
    });
    expect(wrong.headers.get('location')).toBe('/signin?error=1&next=%2F');
  });

  it('lets only an admin cancel a run', async () => {
    const id = await startRun({});
    expect((await api.call('POST', `/v1/specs/${id}/cancel`, undefined, undefined, as('ana'))).status).toBe(403);
    expect((await api.call('POST', `/v1/specs/${id}/cancel`, undefined, undefined, as('root'))).status).toBe(202);
  });
});
