import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createFileTarget } from '../../src/activities/tickets/file-target';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { createJiraTarget } from '../../src/activities/tickets/jira-target';
import { ticketLabel } from '../../src/activities/tickets/run-label';
import { ticketMarker } from '../../src/activities/tickets/ticket-plan';
import { FailureType } from '../../src/shared/failure-types';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeJira } from '../fakes/fake-jira';
import { fortyTicketPlan } from '../helpers/forty-ticket-plan';

const lineage = 'spec-updates-first-00000025';
const plan = fortyTicketPlan(lineage);
const ticket = plan.tickets[1]!;
const changed = {
  ...ticket,
  title: 'Ticket 2, with SSO',
  description: 'Also single sign-on',
  labels: ['specforge', 'sso'],
};

describe('the update of a ticket an amended run made', () => {
  it('on GitHub, edits the issue’s title, body and labels, keeps its marker, and can be repeated', async () => {
    const github = await startFakeGitHub({ token: 'ghp_test_token', repos: ['acme/shop'] });
    try {
      const target = createGitHubTarget({ token: 'ghp_test_token', baseUrl: github.url, pacing: 'off' });
      const context = { lineage, packDir: '/nowhere', destination: 'acme/shop' };
      const existing = await target.create(ticket, context);
      const first = await target.update(changed, existing, context);
      const second = await target.update(changed, existing, context);
      const [issue, ...others] = github.issues.get('acme/shop')!;
      expect(others).toEqual([]);
      expect(first).toEqual(second);
      expect(first).toMatchObject({ key: 't-2', id: existing.id, title: 'Ticket 2, with SSO' });
      expect(issue!.title).toBe('Ticket 2, with SSO');
      expect(issue!.body).toContain('Also single sign-on');
      expect(issue!.body).toContain(`<!-- ${ticketMarker(lineage, 't-2')} -->`);
      expect(issue!.labels.map((label) => label.name)).toEqual([
        expect.stringMatching(/^specforge-/),
        'specforge',
        'sso',
      ]);
      expect(await target.find(changed, context)).toEqual(first);
    } finally {
      await github.close();
    }
  });

  it('on Jira, edits the summary, the ADF description with its marker and the labels, and can be repeated', async () => {
    const jira = await startFakeJira({ email: 'bot@example.test', apiToken: 'jira-test-token', projects: ['SHOP'] });
    try {
      const target = createJiraTarget({ host: jira.url, email: 'bot@example.test', apiToken: 'jira-test-token' });
      const context = { lineage, packDir: '/nowhere', destination: 'SHOP' };
      const existing = await target.create(ticket, context);
      const first = await target.update(changed, existing, context);
      expect(await target.update(changed, existing, context)).toEqual(first);
      expect(first).toMatchObject({ key: 't-2', id: existing.id, title: 'Ticket 2, with SSO' });
      expect(jira.issues).toHaveLength(1);
      expect(jira.edits.map((edit) => edit.key)).toEqual([existing.id, existing.id]);
      const { fields } = jira.issues[0]!;
      expect(fields.summary).toBe('Ticket 2, with SSO');
      expect(fields.labels).toEqual(expect.arrayContaining([ticketLabel(lineage, 't-2'), 'sso']));
      expect(JSON.stringify(fields.description)).toContain(ticketMarker(lineage, 't-2'));
      expect(fields.issuetype).toEqual({ name: 'Story' });
    } finally {
      await jira.close();
    }
  });

  it('on Jira, fails as a retryable outage when the edit is answered 503', async () => {
    const jira = await startFakeJira({
      email: 'bot@example.test',
      apiToken: 'jira-test-token',
      projects: ['SHOP'],
      faults: { serverErrorShare: 1 },
    });
    try {
      const target = createJiraTarget({ host: jira.url, email: 'bot@example.test', apiToken: 'jira-test-token' });
      const context = { lineage, packDir: '/nowhere', destination: 'SHOP' };
      const existing = {
        key: 't-2',
        title: 'Ticket 2',
        target: 'jira',
        id: 'SHOP-2',
        url: `${jira.url}/browse/SHOP-2`,
      };
      await expect(target.update(changed, existing, context)).rejects.toMatchObject({
        type: FailureType.TrackerUnavailable,
        nonRetryable: false,
      });
      expect(jira.requests.map((request) => `${request.method} ${request.path} ${request.status}`)).toEqual([
        'PUT /rest/api/3/issue/SHOP-2 503',
      ]);
    } finally {
      await jira.close();
    }
  });

  it('on Jira, names the issue when it no longer exists', async () => {
    const jira = await startFakeJira({ email: 'bot@example.test', apiToken: 'jira-test-token', projects: ['SHOP'] });
    try {
      const target = createJiraTarget({ host: jira.url, email: 'bot@example.test', apiToken: 'jira-test-token' });
      const context = { lineage, packDir: '/nowhere', destination: 'SHOP' };
      const gone = { key: 't-2', title: 'Ticket 2', target: 'jira', id: 'SHOP-99', url: `${jira.url}/browse/SHOP-99` };
      await expect(target.update(changed, gone, context)).rejects.toMatchObject({
        type: FailureType.TrackerBadRequest,
        nonRetryable: true,
        message: expect.stringContaining('SHOP-99'),
      });
    } finally {
      await jira.close();
    }
  });

  it('on the file target, writes the ticket into the new run’s pack, leaving the old pack as it was', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-updates-'));
    const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
    const target = createFileTarget(store);
    const oldPack = store.packDir({ specId: lineage, slug: 'shop' });
    const newPack = store.packDir({ specId: 'spec-updates-second-00000026', slug: 'shop' });
    const existing = await target.create(ticket, { lineage, packDir: oldPack });
    const updated = await target.update(changed, existing, { lineage, packDir: newPack });
    expect(updated.url).toBe('shop/spec-updates-second-00000026/tickets/t-2.md');
    const text = await readFile(path.join(newPack, 'tickets/t-2.md'), 'utf8');
    expect(text).toMatch(/^# Ticket 2, with SSO/);
    expect(text).toContain(ticketMarker(lineage, 't-2'));
    expect(await readFile(path.join(oldPack, 'tickets/t-2.md'), 'utf8')).toMatch(/^# Ticket 2\n/);
  });
});
