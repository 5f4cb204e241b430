import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { createJiraTarget } from '../../src/activities/tickets/jira-target';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeJira } from '../fakes/fake-jira';
import { fanOutFortyTickets } from '../helpers/forty-ticket-plan';
import { createTestStack, type TestStack } from '../helpers/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());

/** About one create in five: the tracker stores the ticket, then the reply is lost (502). */
const LOST = [1, 5, 9, 14, 20, 26, 33, 39];

describe('creates whose reply is lost after the tracker stored the ticket', () => {
  it('make exactly one GitHub issue per planned ticket', async () => {
    const github = await startFakeGitHub({
      token: 'ghp_test_token',
      repos: ['acme/shop'],
      lostReplies: { creates: LOST },
    });
    try {
      const target = createGitHubTarget({ token: 'ghp_test_token', baseUrl: github.url, pacing: 'off' });
      const result = await fanOutFortyTickets(
        stack,
        { specId: 'spec-lost-replies-github-00000015', name: 'github', destination: 'acme/shop' },
        target,
      );
      const issues = github.issues.get('acme/shop')!;
      const markers = issues.map((issue) => /specforge:[^ ]+:([\w-]+) -->/.exec(issue.body)?.[1]);
      expect(github.requests.filter((request) => request.status === 502)).toHaveLength(LOST.length);
      expect(issues).toHaveLength(41);
      expect(new Set(markers).size).toBe(41);
      expect(result.failed).toEqual([]);
      expect(result.created.map((ref) => Number(ref.id)).sort((a, b) => a - b)).toEqual(
        issues.map((issue) => issue.number),
      );
    } finally {
      await github.close();
    }
  }, 120_000);

  it('make exactly one Jira issue per planned ticket while search lags 2 s behind creates', async () => {
    const jira = await startFakeJira({
      email: 'bot@example.test',
      apiToken: 'jira-test-token',
      projects: ['SHOP'],
      lostReplies: { creates: LOST },
      searchLagMs: 2_000,
    });
    try {
      const target = createJiraTarget({
        host: jira.url,
        email: 'bot@example.test',
        apiToken: 'jira-test-token',
        searchLagMs: 2_500,
      });
      const result = await fanOutFortyTickets(
        stack,
        { specId: 'spec-lost-replies-jira-00000016', name: 'jira', destination: 'SHOP' },
        target,
      );
      const labels = jira.issues.map((issue) => issue.fields.labels.find((label) => /-(epic|t-\d+)$/.test(label)));
      expect(jira.requests.filter((request) => request.status === 502)).toHaveLength(LOST.length);
      expect(jira.issues).toHaveLength(41);
      expect(new Set(labels).size).toBe(41);
      expect(result.failed).toEqual([]);
      expect(new Set(result.created.map((ref) => ref.id)).size).toBe(41);
    } finally {
      await jira.close();
    }
  }, 120_000);
});
