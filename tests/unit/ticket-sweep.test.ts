import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createFileTarget } from '../../src/activities/tickets/file-target';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { createJiraTarget } from '../../src/activities/tickets/jira-target';
import { createTicketActivities } from '../../src/activities/tickets/ticket-activities';
import type { TicketTarget } from '../../src/activities/tickets/ticket-target';
import { startFakeGitHub } from '../fakes/fake-github';
import { JIRA_WORKFLOWS, startFakeJira } from '../fakes/fake-jira';
import { fortyTicketPlan } from '../helpers/forty-ticket-plan';

/** Activities over `target`, with the forty-ticket plan of `specId` on disk. */
async function activitiesFor(specId: string, name: 'github' | 'jira', target: TicketTarget) {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-sweep-'));
  const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
  await store.writeJson(store.runDir(specId), 'ticket-plan.json', fortyTicketPlan(specId));
  return createTicketActivities(store, { file: createFileTarget(store), [name]: target });
}

describe('the sweep of a run’s label once the fan-out ends', () => {
  it('on GitHub, closes the second issue of a key as not planned and keeps the one the run recorded', async () => {
    const github = await startFakeGitHub({ token: 'ghp_test_token', repos: ['acme/shop'] });
    try {
      const specId = 'spec-sweep-github-00000013';
      const plan = fortyTicketPlan(specId);
      const context = { lineage: specId, packDir: '/nowhere', destination: 'acme/shop' };
      // Two workers that each created t-2 (as an old worker's automatic re-send did).
      const make = () => createGitHubTarget({ token: 'ghp_test_token', baseUrl: github.url, pacing: 'off' });
      const first = await make().create(plan.tickets[1]!, context);
      await make().create(plan.tickets[1]!, context);
      const three = await make().create(plan.tickets[2]!, context);
      const activities = await activitiesFor(specId, 'github', make());
      const run = { specId, slug: 'sweep', target: 'github' as const, destination: 'acme/shop' };
      const swept = await activities.sweepTickets({ ...run, created: [first] });
      expect(swept.closed.map((ref) => ref.id)).toEqual(['2']);
      expect(swept.created.map((ref) => `${ref.key}=#${ref.id}`)).toEqual(['t-2=#1', 't-3=#3']);
      expect(swept.created[1]).toMatchObject({ key: 't-3', id: three.id, title: 'Ticket 3' });
      const issues = github.issues.get('acme/shop')!;
      expect(issues.map((issue) => [issue.state, issue.state_reason ?? null])).toEqual([
        ['open', null],
        ['closed', 'not_planned'],
        ['open', null],
      ]);
      // Safe to repeat: the stray is closed again as it was, the kept issues stay open.
      expect((await activities.sweepTickets({ ...run, created: swept.created })).closed).toEqual(swept.closed);
      expect(github.issues.get('acme/shop')!.filter((issue) => issue.state === 'open')).toHaveLength(2);
    } finally {
      await github.close();
    }
  });

  it("on Jira, resolves the newer duplicate as Won't Do and reports a ticket that exists though its create failed", async () => {
    const jira = await startFakeJira({
      email: 'bot@example.test',
      apiToken: 'jira-test-token',
      projects: ['SHOP'],
      workflow: JIRA_WORKFLOWS.doneFirst,
    });
    try {
      const specId = 'spec-sweep-jira-00000014';
      const plan = fortyTicketPlan(specId);
      const context = { lineage: specId, packDir: '/nowhere', destination: 'SHOP' };
      const target = createJiraTarget({
        host: jira.url,
        email: 'bot@example.test',
        apiToken: 'jira-test-token',
        searchLagMs: 0,
      });
      const epic = await target.create(plan.epic, context);
      await target.create(plan.tickets[0]!, context);
      await target.create(plan.tickets[0]!, context);
      const activities = await activitiesFor(specId, 'jira', target);
      const run = { specId, slug: 'sweep', target: 'jira' as const, destination: 'SHOP' };
      // The run recorded only the epic: t-1's create failed as far as it knows.
      const swept = await activities.sweepTickets({ ...run, created: [epic] });
      expect(swept.created.map((ref) => `${ref.key}=${ref.id}`)).toEqual(['epic=SHOP-1', 't-1=SHOP-2']);
      expect(swept.closed.map((ref) => ref.id)).toEqual(['SHOP-3']);
      expect(jira.issues.map((issue) => issue.resolution ?? null)).toEqual([null, null, "Won't Do"]);
    } finally {
      await jira.close();
    }
  });
});
