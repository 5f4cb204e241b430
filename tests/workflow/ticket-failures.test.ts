import { readFile } from 'node:fs/promises';
import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { createJiraTarget } from '../../src/activities/tickets/jira-target';
import type { ArtifactRef, SpecRunStatus } from '../../src/shared/spec-run';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeJira } from '../fakes/fake-jira';
import { fanOutFortyTickets } from '../helpers/forty-ticket-plan';
import { createTestStack, type TestStack } from '../helpers/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

async function failureOf(id: string): Promise<string> {
  const error = await stack.client.workflow
    .getHandle(id)
    .result()
    .then(
      () => undefined,
      (failure: unknown) => failure,
    );
  expect(error).toBeInstanceOf(WorkflowFailedError);
  const messages: string[] = [];
  for (
    let cause = error as { message?: string; cause?: unknown } | undefined;
    cause;
    cause = cause.cause as typeof cause
  )
    messages.push(cause.message ?? '');
  return messages.join(' | ');
}

describe('ticket targets that cannot work', () => {
  it('fails at its start on a bad GitHub token, naming GITHUB_TOKEN, before any phase is generated', async () => {
    const github = await startFakeGitHub({ token: 'ghp_test_right_token', repos: ['acme/shop'] });
    try {
      const id = await stack.start({
        feature: 'Add audit log',
        gates: 'none',
        tickets: { target: 'github', repo: 'acme/shop' },
      });
      const target = createGitHubTarget({ token: 'ghp_test_wrong_token', baseUrl: github.url, pacing: 'off' });
      const message = await stack.withWorker(() => failureOf(id), undefined, { github: target });
      expect(message).toMatch(/GitHub refused the token: check GITHUB_TOKEN/);
      expect(github.requests.filter((request) => request.status === 401).length).toBeLessThanOrEqual(2);
      const status = (await stack.client.workflow.getHandle(id).describe()).memo?.status as SpecRunStatus;
      expect(status.status).toBe('failed');
      expect(status.phases.every((phase) => phase.state === 'pending')).toBe(true);
    } finally {
      await github.close();
    }
  });

  it('fails at once on an unknown GitHub repository, naming tickets.repo', async () => {
    const github = await startFakeGitHub({ token: 'ghp_test_right_token', repos: ['acme/shop'] });
    try {
      const id = await stack.start({
        feature: 'Add audit log',
        gates: 'none',
        tickets: { target: 'github', repo: 'acme/nope' },
      });
      const target = createGitHubTarget({ token: 'ghp_test_right_token', baseUrl: github.url, pacing: 'off' });
      expect(await stack.withWorker(() => failureOf(id), undefined, { github: target })).toMatch(
        /repository acme\/nope not found: check tickets.repo/,
      );
    } finally {
      await github.close();
    }
  });

  it('fails at once on an unknown Jira project, naming tickets.project', async () => {
    const jira = await startFakeJira({ email: 'bot@example.test', apiToken: 'jira-test-token', projects: ['SHOP'] });
    try {
      const id = await stack.start({
        feature: 'Add audit log',
        gates: 'none',
        tickets: { target: 'jira', project: 'NOPE' },
      });
      const target = createJiraTarget({ host: jira.url, email: 'bot@example.test', apiToken: 'jira-test-token' });
      expect(await stack.withWorker(() => failureOf(id), undefined, { jira: target })).toMatch(
        /Jira project NOPE not found: check tickets.project/,
      );
      expect(jira.issues).toHaveLength(0);
    } finally {
      await jira.close();
    }
  });

  it('reports a ticket the tracker refuses and still creates and lists all the others', async () => {
    const github = await startFakeGitHub({
      token: 'ghp_test_right_token',
      repos: ['acme/shop'],
      refuseTitles: ['Ticket 3'],
    });
    try {
      const target = createGitHubTarget({ token: 'ghp_test_right_token', baseUrl: github.url, pacing: 'off' });
      const result = await fanOutFortyTickets(
        stack,
        { specId: 'spec-partial-tickets-0000000e', slug: 'partial', name: 'github', destination: 'acme/shop' },
        target,
      );
      expect(result.failed).toEqual([
        { key: 't-3', error: expect.stringContaining('GitHub refused the request (422)') },
      ]);
      expect(result.created).toHaveLength(40);
      expect(github.issues.get('acme/shop')).toHaveLength(40);
      const index = JSON.parse(await readFile((result.index as ArtifactRef).path, 'utf8'));
      expect(index.failed).toEqual(result.failed);
      expect(index.created).toHaveLength(40);
    } finally {
      await github.close();
    }
  });

  it('fails naming the variables when the run asks for a target the worker lacks', async () => {
    const id = await stack.start({
      feature: 'Add audit log',
      gates: 'none',
      tickets: { target: 'jira', project: 'SHOP' },
    });
    expect(await stack.withWorker(() => failureOf(id))).toMatch(/set JIRA_HOST, JIRA_EMAIL and JIRA_API_TOKEN/);
  });
});
