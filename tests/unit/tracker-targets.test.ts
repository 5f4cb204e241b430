import { describe, expect, it } from 'vitest';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { createJiraTarget } from '../../src/activities/tickets/jira-target';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeJira } from '../fakes/fake-jira';
import { fortyTicketPlan } from '../helpers/forty-ticket-plan';

const specId = 'spec-targets-0000000d';
const plan = fortyTicketPlan(specId);
const byKey = (key: string) => plan.tickets.find((ticket) => ticket.key === key)!;

describe('the GitHub target', () => {
  it('finds a ticket by its whole marker, never by a longer key that starts the same', async () => {
    const github = await startFakeGitHub({ token: 'ghp_test_token', repos: ['acme/shop'] });
    try {
      const target = createGitHubTarget({ token: 'ghp_test_token', baseUrl: github.url, pacing: 'off' });
      const context = { lineage: specId, packDir: '/nowhere', destination: 'acme/shop' };
      const ten = await target.create(byKey('t-10'), context);
      expect(await target.find(byKey('t-1'), context)).toBeUndefined();
      expect(await target.find(byKey('t-10'), context)).toEqual(ten);
      expect(github.issues.get('acme/shop')![0]!.labels.map((label) => label.name)).toEqual(
        expect.arrayContaining(['specforge', 'component', expect.stringMatching(/^specforge-[0-9a-f]{10}$/)]),
      );
    } finally {
      await github.close();
    }
  });
});

describe('the Jira target', () => {
  it("creates a Story under the Epic with an ADF description, links it, and closes it as Won't Do", async () => {
    const jira = await startFakeJira({ email: 'bot@example.test', apiToken: 'jira-test-token', projects: ['SHOP'] });
    try {
      const target = createJiraTarget({ host: jira.url, email: 'bot@example.test', apiToken: 'jira-test-token' });
      const context = { lineage: specId, packDir: '/nowhere', destination: 'SHOP' };
      const epic = await target.create(plan.epic, context);
      const four = await target.create(byKey('t-4'), { ...context, epic });
      const five = await target.create(byKey('t-5'), { ...context, epic });
      const created = new Map([
        ['epic', epic],
        ['t-4', four],
        ['t-5', five],
      ]);
      await target.link(byKey('t-5'), created, context);
      await target.link(byKey('t-5'), created, context);
      expect(jira.links).toEqual([{ type: 'Blocks', inward: four.id, outward: five.id }]);
      expect(jira.issues[1]!.fields).toMatchObject({
        issuetype: { name: 'Story' },
        parent: { key: epic.id },
        description: { type: 'doc', version: 1 },
      });
      await target.close(five, context);
      expect(jira.issues[2]!.status).toBe("Won't Do");
      expect(await target.find(byKey('t-5'), context)).toEqual(five);
      expect(five.url).toBe(`${jira.url}/browse/SHOP-3`);
    } finally {
      await jira.close();
    }
  });
});
