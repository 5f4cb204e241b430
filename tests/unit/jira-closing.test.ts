import { afterEach, describe, expect, it } from 'vitest';
import { notDoneClosing } from '../../src/activities/tickets/jira-closing';
import { createJiraTarget } from '../../src/activities/tickets/jira-target';
import { JIRA_WORKFLOWS, startFakeJira } from '../fakes/fake-jira';
import { fortyTicketPlan } from '../helpers/forty-ticket-plan';

const specId = 'spec-jira-closing-0000000f';
const plan = fortyTicketPlan(specId);
const context = { lineage: specId, packDir: '/nowhere', destination: 'SHOP' };
let stop: (() => Promise<void>) | undefined;
afterEach(() => stop?.());

async function jiraWith(workflow: (typeof JIRA_WORKFLOWS)[keyof typeof JIRA_WORKFLOWS]) {
  const jira = await startFakeJira({
    email: 'bot@example.test',
    apiToken: 'jira-test-token',
    projects: ['SHOP'],
    workflow,
  });
  stop = jira.close;
  const target = createJiraTarget({ host: jira.url, email: 'bot@example.test', apiToken: 'jira-test-token' });
  return { jira, target };
}

describe("closing a cancelled run's Jira ticket", () => {
  it('takes the "Won\'t Do" transition even when "Done" is listed first (the standard workflow)', async () => {
    const { jira, target } = await jiraWith(JIRA_WORKFLOWS.doneFirst);
    const ticket = await target.create(plan.tickets[0]!, context);
    await target.close(ticket, context);
    expect(jira.issues[0]).toMatchObject({ status: "Won't Do", resolution: "Won't Do" });
  });

  it('sets the resolution to "Won\'t Do" where only a closing screen with a Resolution field offers it', async () => {
    const { jira, target } = await jiraWith(JIRA_WORKFLOWS.resolutionScreen);
    const ticket = await target.create(plan.tickets[0]!, context);
    await target.close(ticket, context);
    expect(jira.issues[0]).toMatchObject({ status: 'Closed', resolution: "Won't Do" });
  });

  it('leaves the ticket open and says why when the workflow can only close it as Done', async () => {
    const { jira, target } = await jiraWith(JIRA_WORKFLOWS.doneOnly);
    const ticket = await target.create(plan.tickets[0]!, context);
    await expect(target.close(ticket, context)).rejects.toThrow(
      /No transition of SHOP-1 resolves it as not done \(offered: To Do, In Progress, Done\)/,
    );
    expect(jira.issues[0]!.resolution).toBeUndefined();
  });

  it('closes once: a second close of a resolved ticket changes nothing', async () => {
    const { jira, target } = await jiraWith(JIRA_WORKFLOWS.doneFirst);
    const ticket = await target.create(plan.tickets[0]!, context);
    await target.close(ticket, context);
    await target.close(ticket, context);
    expect(
      jira.requests.filter((request) => request.method === 'POST' && /transitions$/.test(request.path)),
    ).toHaveLength(1);
  });

  it('reports a missing issue as the issue, not as a missing project', async () => {
    const { target } = await jiraWith(JIRA_WORKFLOWS.wontDo);
    const ghost = { key: 't-1', title: 'Ticket 1', target: 'jira' as const, id: 'SHOP-99', url: '' };
    const failure = await target.close(ghost, context).catch((error: Error) => error);
    expect((failure as Error).message).toMatch(/Jira issue SHOP-99 not found/);
    expect((failure as Error).message).not.toMatch(/project/);
  });
});

describe('the choice of a not-done transition', () => {
  const screen = (...names: string[]) => ({
    resolution: { allowedValues: names.map((name, index) => ({ id: String(index + 1), name })) },
  });

  it('never picks Done, whatever the order', () => {
    expect(
      notDoneClosing([
        { id: '1', name: 'Done' },
        { id: '2', name: 'Close', to: { name: 'Closed' } },
      ]),
    ).toBe(undefined);
  });

  it('prefers a "Won\'t Do" resolution on a screen over "Declined"', () => {
    expect(notDoneClosing([{ id: '5', name: 'Resolve', fields: screen('Done', 'Declined', "Won't Do") }])).toEqual({
      id: '5',
      resolution: { id: '3', name: "Won't Do" },
    });
  });

  it('takes a transition named for cancelling, with a not-done resolution when its screen asks', () => {
    expect(notDoneClosing([{ id: '7', name: 'Cancel', fields: screen('Done', 'Cancelled') }])).toEqual({
      id: '7',
      resolution: { id: '2', name: 'Cancelled' },
    });
    expect(
      notDoneClosing([
        { id: '8', name: 'Done' },
        { id: '9', name: 'Abandon' },
      ]),
    ).toEqual({ id: '9' });
  });
});
