import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { register } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createFileTarget } from '../../src/activities/tickets/file-target';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { createJiraTarget } from '../../src/activities/tickets/jira-target';
import { createTicketActivities } from '../../src/activities/tickets/ticket-activities';
import type { TicketTarget } from '../../src/activities/tickets/ticket-target';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeJira } from '../fakes/fake-jira';
import { fortyTicketPlan } from '../helpers/forty-ticket-plan';
import { sampleValue } from './sample-value';

const githubToken = ['ghp', randomBytes(8).toString('hex')].join('_');
const jiraToken = ['jira', randomBytes(8).toString('hex')].join('-');

/** Ticket activities over `target` (and the file target), with the forty-ticket plan of `specId` on disk. */
async function activitiesFor(specId: string, targets: Partial<Record<TicketTarget['name'], TicketTarget>> = {}) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-ticket-metrics-'));
  const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
  await store.writeJson(store.runDir(specId), 'ticket-plan.json', fortyTicketPlan(specId));
  return createTicketActivities(store, { file: createFileTarget(store), ...targets });
}

const created = async (target: string) =>
  sampleValue(await register.metrics(), 'specforge_tickets_created_total', { target }) ?? 0;

describe('tickets created by target', () => {
  it('counts the file target’s creations, and not a ticket found again by its marker', async () => {
    const specId = 'spec-ticket-metrics-file-00000021';
    const activities = await activitiesFor(specId);
    const run = { specId, slug: 'ticket-metrics', target: 'file' as const };
    const before = await created('file');
    await activities.createTicket({ ...run, key: 't-1' });
    await activities.createTicket({ ...run, key: 't-2' });
    // A retried activity (a lost completion) finds its ticket and creates nothing.
    await activities.createTicket({ ...run, key: 't-1' });
    expect(await created('file')).toBe(before + 2);
  });

  it('counts GitHub issues once, the one whose reply was lost included, and never the issue found again', async () => {
    const github = await startFakeGitHub({ token: githubToken, repos: ['acme/shop'], lostReplies: { creates: [2] } });
    try {
      const specId = 'spec-ticket-metrics-github-00000022';
      const target = createGitHubTarget({ token: githubToken, baseUrl: github.url, pacing: 'off' });
      const activities = await activitiesFor(specId, { github: target });
      const run = { specId, slug: 'ticket-metrics', target: 'github' as const, destination: 'acme/shop' };
      const before = await created('github');
      await activities.createTicket({ ...run, key: 't-1' });
      // Stored, then answered 502: the target finds what its own create stored; one issue, counted once.
      await activities.createTicket({ ...run, key: 't-2' });
      await activities.createTicket({ ...run, key: 't-2' });
      expect(github.issues.get('acme/shop')).toHaveLength(2);
      expect(await created('github')).toBe(before + 2);
    } finally {
      await github.close();
    }
  });

  it('counts Jira issues by their own target label', async () => {
    const jira = await startFakeJira({ email: 'bot@example.test', apiToken: jiraToken, projects: ['SHOP'] });
    try {
      const specId = 'spec-ticket-metrics-jira-00000023';
      const target = createJiraTarget({
        host: jira.url,
        email: 'bot@example.test',
        apiToken: jiraToken,
        searchLagMs: 0,
      });
      const activities = await activitiesFor(specId, { jira: target });
      const run = { specId, slug: 'ticket-metrics', target: 'jira' as const, destination: 'SHOP' };
      const before = { jira: await created('jira'), github: await created('github') };
      await activities.createTicket({ ...run, key: 'epic' });
      await activities.createTicket({ ...run, key: 'epic' });
      expect(jira.issues).toHaveLength(1);
      expect(await created('jira')).toBe(before.jira + 1);
      expect(await created('github')).toBe(before.github);
    } finally {
      await jira.close();
    }
  });
});
