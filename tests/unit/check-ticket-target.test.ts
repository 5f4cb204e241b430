import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createFileTarget } from '../../src/activities/tickets/file-target';
import { createGitHubTarget } from '../../src/activities/tickets/github-target';
import { createJiraTarget } from '../../src/activities/tickets/jira-target';
import { checkRunSettings } from '../../src/activities/check-run-settings';
import type { TicketTarget } from '../../src/activities/tickets/ticket-target';
import { FailureType } from '../../src/shared/failure-types';
import { startFakeGitHub } from '../fakes/fake-github';
import { startFakeJira } from '../fakes/fake-jira';

let github: Awaited<ReturnType<typeof startFakeGitHub>>;
let jira: Awaited<ReturnType<typeof startFakeJira>>;
let store: ArtifactStore;
beforeAll(async () => {
  github = await startFakeGitHub({ token: 'ghp_test_right_token', repos: ['acme/shop'] });
  jira = await startFakeJira({ email: 'bot@example.test', apiToken: 'jira-right-token', projects: ['SHOP'] });
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-check-'));
  store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
});
afterAll(async () => {
  await github.close();
  await jira.close();
});

const gitHubTarget = (token: string) => createGitHubTarget({ token, baseUrl: github.url, pacing: 'off' });
const jiraTarget = (apiToken: string) => createJiraTarget({ host: jira.url, email: 'bot@example.test', apiToken });

/** The failure checkRunSettings throws on a worker with these targets, or undefined when the check passes. */
async function checkOn(
  tickets: Partial<Record<TicketTarget['name'], TicketTarget>>,
  input: { target: TicketTarget['name']; destination?: string; outDir?: string },
) {
  return checkRunSettings(store, { file: createFileTarget(store), ...tickets }, input).then(
    () => undefined,
    (error: unknown) => {
      expect(error).toBeInstanceOf(ApplicationFailure);
      return error as ApplicationFailure;
    },
  );
}

describe('checking the ticket target before a run spends its phases', () => {
  it('names SPECFORGE_OUT when the run asks for a folder outside the output root', async () => {
    const failure = await checkOn({}, { target: 'file', outDir: '/somewhere/else' });
    expect(failure).toMatchObject({ type: FailureType.OutDirOutsideRoot, nonRetryable: true });
    expect(failure?.message).toContain('SPECFORGE_OUT');
  });

  it('names GITHUB_TOKEN when the worker has no GitHub target', async () => {
    const failure = await checkOn({}, { target: 'github', destination: 'acme/shop' });
    expect(failure?.message).toMatch(/Ticket target "github" is not configured on this worker: set GITHUB_TOKEN/);
    expect(failure?.type).toBe(FailureType.TicketTargetMissing);
    expect(failure?.nonRetryable).toBe(true);
  });

  it('names the Jira variables when the worker has no Jira target', async () => {
    const failure = await checkOn({}, { target: 'jira', destination: 'SHOP' });
    expect(failure?.message).toMatch(/set JIRA_HOST, JIRA_EMAIL and JIRA_API_TOKEN/);
  });

  it('names GITHUB_TOKEN when GitHub refuses the token, without creating anything', async () => {
    const failure = await checkOn(
      { github: gitHubTarget('ghp_test_wrong_token') },
      { target: 'github', destination: 'acme/shop' },
    );
    expect(failure?.message).toMatch(/GitHub refused the token: check GITHUB_TOKEN/);
    expect(failure?.nonRetryable).toBe(true);
    expect(github.issues.get('acme/shop')).toHaveLength(0);
  });

  it('names tickets.repo for a repository the token cannot see, or one that is not owner/name', async () => {
    const target = gitHubTarget('ghp_test_right_token');
    expect((await checkOn({ github: target }, { target: 'github', destination: 'acme/nope' }))?.message).toMatch(
      /repository acme\/nope not found: check tickets.repo/,
    );
    expect((await checkOn({ github: target }, { target: 'github', destination: 'shop' }))?.message).toMatch(
      /tickets.repo must be "owner\/name"/,
    );
  });

  it('passes a working GitHub target with one read', async () => {
    const before = github.requests.length;
    expect(
      await checkOn({ github: gitHubTarget('ghp_test_right_token') }, { target: 'github', destination: 'acme/shop' }),
    ).toBeUndefined();
    expect(github.requests.slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /repos/acme/shop',
    ]);
  });

  it('names the Jira credentials, then tickets.project, and passes a working Jira target', async () => {
    expect(
      (await checkOn({ jira: jiraTarget('jira-wrong-token') }, { target: 'jira', destination: 'SHOP' }))?.message,
    ).toMatch(/check JIRA_EMAIL and JIRA_API_TOKEN/);
    const target = jiraTarget('jira-right-token');
    expect((await checkOn({ jira: target }, { target: 'jira', destination: 'NOPE' }))?.message).toMatch(
      /Jira project NOPE not found: check tickets.project/,
    );
    expect((await checkOn({ jira: target }, { target: 'jira' }))?.message).toMatch(/tickets.project is required/);
    expect(await checkOn({ jira: target }, { target: 'jira', destination: 'SHOP' })).toBeUndefined();
    expect(jira.issues).toHaveLength(0);
  });

  it('passes the file target, which needs no account', async () => {
    expect(await checkOn({}, { target: 'file' })).toBeUndefined();
  });
});
