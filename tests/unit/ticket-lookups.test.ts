import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createFileTarget } from '../../src/activities/tickets/file-target';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { createJiraTarget } from '../../src/activities/tickets/jira-target';
import { createTicketActivities } from '../../src/activities/tickets/ticket-activities';
import type { TicketPlan } from '../../src/activities/tickets/ticket-plan';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeJira } from '../fakes/fake-jira';
import { fortyTicketPlan } from '../helpers/forty-ticket-plan';

const TOKEN = 'ghp_test_token';

/** A plan of `count` tickets, shaped like the forty-ticket one. */
function planOf(specId: string, count: number): TicketPlan {
  const forty = fortyTicketPlan(specId);
  const template = forty.tickets[0]!;
  return {
    ...forty,
    tickets: Array.from({ length: count }, (_, index) => ({
      ...template,
      key: `t-${index + 1}`,
      title: `Ticket ${index + 1}`,
      dependsOn: [],
    })),
  };
}

describe('a create whose reply is lost after the tracker stored it', () => {
  it('on GitHub, is never re-sent: the stored issue is found by its marker and returned', async () => {
    const github = await startFakeGitHub({ token: TOKEN, repos: ['acme/shop'], lostReplies: { creates: [1] } });
    try {
      const specId = 'spec-lost-reply-00000010';
      const target = createGitHubTarget({ token: TOKEN, baseUrl: github.url, pacing: 'off' });
      const context = { lineage: specId, packDir: '/nowhere', destination: 'acme/shop' };
      const created = await target.create(planOf(specId, 1).tickets[0]!, context);
      expect(github.issues.get('acme/shop')).toHaveLength(1);
      expect(created).toMatchObject({ key: 't-1', id: '1' });
      expect(
        github.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/issues')),
      ).toEqual([expect.objectContaining({ status: 502 })]);
    } finally {
      await github.close();
    }
  });

  it('on Jira, is looked for until the search index shows it, and returned', async () => {
    const jira = await startFakeJira({
      email: 'bot@example.test',
      apiToken: 'jira-test-token',
      projects: ['SHOP'],
      lostReplies: { creates: [1] },
      searchLagMs: 1_000,
    });
    try {
      const specId = 'spec-lost-reply-00000011';
      const target = createJiraTarget({
        host: jira.url,
        email: 'bot@example.test',
        apiToken: 'jira-test-token',
        searchLagMs: 1_500,
      });
      const context = { lineage: specId, packDir: '/nowhere', destination: 'SHOP' };
      const created = await target.create(planOf(specId, 1).tickets[0]!, context);
      expect(created).toMatchObject({ key: 't-1', id: 'SHOP-1' });
      expect(jira.issues).toHaveLength(1);
      // Searched more than once: the first search came before the index had the issue.
      expect(jira.requests.filter((request) => request.path === '/rest/api/3/search/jql').length).toBeGreaterThan(1);
    } finally {
      await jira.close();
    }
  });
});

describe("looking up a run's GitHub issues", () => {
  it('reads about one page per ticket, not every page of the run for every ticket', async () => {
    const github = await startFakeGitHub({ token: TOKEN, repos: ['acme/shop'] });
    try {
      const specId = 'spec-many-tickets-00000012';
      const plan = planOf(specId, 250);
      const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-lookups-'));
      const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
      await store.writeJson(store.runDir(specId), 'ticket-plan.json', plan);
      const activities = createTicketActivities(store, {
        file: createFileTarget(store),
        github: createGitHubTarget({ token: TOKEN, baseUrl: github.url, pacing: 'off' }),
      });
      const run = { specId, slug: 'many', target: 'github' as const, destination: 'acme/shop' };
      const epic = await activities.createTicket({ ...run, key: 'epic' });
      for (const ticket of plan.tickets) await activities.createTicket({ ...run, key: ticket.key, epic });
      const pageReads = () =>
        github.requests.filter((request) => request.path === '/repos/acme/shop/issues' && request.method === 'GET')
          .length;
      const reads = pageReads();
      // 251 lookups; listing every page each time took 451 reads (and grows as n²/100).
      expect(reads).toBeLessThanOrEqual(251 + 5);
      expect(await activities.findCreatedTickets(run)).toHaveLength(251);
      // After a cancel, the tickets that exist come from one fresh read, not a search per ticket.
      expect(pageReads() - reads).toBeLessThanOrEqual(1);
      expect(github.issues.get('acme/shop')).toHaveLength(251);
    } finally {
      await github.close();
    }
  });
});
