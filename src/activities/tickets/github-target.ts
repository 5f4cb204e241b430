import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import { ApplicationFailure } from '@temporalio/common';
import Bottleneck from 'bottleneck';
import { FailureType } from '../../shared/failure-types';
import type { TicketRef } from '../../shared/spec-run';
import { heartbeat } from '../heartbeat';
import { classifyGitHubError } from './github-errors';
import { outcomeUnknown } from './outcome-unknown';
import { runLabel } from './run-label';
import { SeenIssues, type SeenIssue } from './seen-issues';
import { ticketMarkdown, withLinksSection } from './ticket-markdown';
import { ticketMarker, type PlannedTicket } from './ticket-plan';
import type { TicketContext, TicketTarget } from './ticket-target';

const GitHub = Octokit.plugin(throttling, retry);

export interface GitHubTargetOptions {
  token: string;
  /** GitHub Enterprise: https://host/api/v3. */
  baseUrl?: string;
  /**
   * GitHub asks for content-creating requests one at a time, a second apart (three for requests
   * that notify, such as new issues), to stay clear of secondary rate limits: the throttling
   * plugin's default. "off" lifts that, for servers without those limits.
   */
  pacing?: 'github' | 'off';
  /** Every secret the worker holds (the token is always added): redacted from the failures this target throws. */
  secrets?: readonly (string | undefined)[];
}

const unthrottled = () => new Bottleneck.Group({ maxConcurrent: null, minTime: 0 });
const resendable = (options: { request?: unknown }) => (options.request as { retries?: number })?.retries !== 0;

/**
 * Issues in a GitHub repository: the epic is an issue whose body lists its children (and adds them
 * as sub-issues where the API offers them); dependencies are "Blocked by #n" lines.
 */
export function createGitHubTarget(options: GitHubTargetOptions): TicketTarget {
  const octokit = new GitHub({
    auth: options.token,
    baseUrl: options.baseUrl,
    // The plugins absorb one short wait; longer limits go back to Temporal with the delay.
    throttle: {
      ...(options.pacing === 'off' ? { write: unthrottled(), notifications: unthrottled() } : {}),
      // A request marked `retries: 0` (an issue create) is never re-sent by a plugin, a limit included.
      onRateLimit: (retryAfter, request, _octokit, retryCount) =>
        resendable(request) && retryCount < 1 && retryAfter <= 5,
      onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) =>
        resendable(request) && retryCount < 1 && retryAfter <= 5,
    },
    retry: { retries: 1 },
    log: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const knownLabels = new Set<string>();
  const runs = new Map<string, SeenIssues>();

  const call = async <T>(
    context: TicketContext,
    work: (repo: { owner: string; repo: string }) => Promise<T>,
  ): Promise<T> => {
    const [owner, repo] = (context.destination ?? '').split('/');
    if (!owner || !repo)
      throw ApplicationFailure.nonRetryable(
        `tickets.repo must be "owner/name", got "${context.destination ?? ''}"`,
        FailureType.TrackerBadRequest,
      );
    try {
      return await work({ owner, repo });
    } catch (error) {
      throw classifyGitHubError(error, `${owner}/${repo}`, [options.token, ...(options.secrets ?? [])]);
    }
  };

  const ensureLabels = (context: TicketContext, labels: string[]) =>
    call(context, async (repo) => {
      for (const name of labels) {
        if (knownLabels.has(`${context.destination}:${name}`)) continue;
        await octokit.issues.createLabel({ ...repo, name, color: 'ededed' }).catch((error: { status?: number }) => {
          if (error.status !== 422) throw error; // 422: it exists already
        });
        knownLabels.add(`${context.destination}:${name}`);
      }
    });

  const seenOf = (context: TicketContext) => {
    const run = `${context.destination}:${context.lineage}`;
    let seen = runs.get(run);
    if (!seen) {
      // A worker serves many runs in its life: keep the recent ones.
      if (runs.size >= 100) runs.delete(runs.keys().next().value!);
      runs.set(run, (seen = new SeenIssues()));
    }
    return seen;
  };

  /** Reads the run's issues newest first, down to the ones an earlier lookup listed. */
  const readNewIssues = async (context: TicketContext) => {
    const seen = seenOf(context);
    const through = seen.listedThrough;
    let head = through;
    await call(context, (repo) =>
      octokit.paginate(
        octokit.issues.listForRepo,
        {
          ...repo,
          labels: runLabel(context.lineage),
          state: 'all',
          sort: 'created',
          direction: 'desc',
          // After the first listing only a few issues are new: small pages keep each lookup small.
          per_page: through ? 20 : 100,
        },
        (response, done) => {
          for (const issue of response.data) {
            seen.add(issue);
            head = Math.max(head, issue.number);
          }
          if (response.data.some((issue) => issue.number <= through)) done();
          return [];
        },
      ),
    );
    seen.listedThrough = Math.max(seen.listedThrough, head);
    return seen;
  };

  const lookUp = async (ticket: PlannedTicket, context: TicketContext) => {
    // The whole comment's text, so the marker of t-1 never matches t-10.
    const marker = ticketMarker(context.lineage, ticket.key);
    const issue = seenOf(context).withMarker(marker) ?? (await readNewIssues(context)).withMarker(marker);
    return issue && toRef(ticket, issue);
  };

  const toRef = (ticket: Pick<PlannedTicket, 'key' | 'title'>, issue: Omit<SeenIssue, 'markers'>): TicketRef => ({
    key: ticket.key,
    title: ticket.title,
    target: 'github',
    id: String(issue.number),
    url: issue.html_url,
    internalId: String(issue.id),
  });

  return {
    name: 'github',
    async check(destination) {
      const context = { lineage: '', packDir: '', destination };
      const { data } = await call(context, (repo) => octokit.repos.get(repo));
      if (data.has_issues === false)
        throw ApplicationFailure.nonRetryable(`issues are disabled in ${destination}`, FailureType.TrackerBadRequest);
    },
    find: lookUp,
    async create(ticket, context) {
      const labels = [runLabel(context.lineage), ...ticket.labels];
      await ensureLabels(context, labels);
      const body = ticketMarkdown(ticket, context.lineage, context.epic && `#${context.epic.id}`);
      let uncertain = false;
      try {
        const { data } = await call(context, (repo) =>
          octokit.issues
            // Never re-sent by the retry plugin: it would skip the marker lookup and could duplicate.
            .create({ ...repo, title: ticket.title, body, labels, request: { retries: 0 } })
            .catch((error: unknown) => {
              uncertain = outcomeUnknown(error);
              throw error;
            }),
        );
        seenOf(context).add(data);
        return toRef(ticket, data);
      } catch (failure) {
        // GitHub may have stored the issue before the reply failed: look before Temporal retries.
        const stored = uncertain ? await lookUp(ticket, context) : undefined;
        if (stored) return stored;
        throw failure;
      }
    },
    async update(ticket, existing, context) {
      const labels = [runLabel(context.lineage), ...ticket.labels];
      await ensureLabels(context, labels);
      // The links section goes with the old body: the fan-out writes links again after its updates.
      const body = ticketMarkdown(ticket, context.lineage, context.epic && `#${context.epic.id}`);
      const { data } = await call(context, (repo) =>
        octokit.issues.update({ ...repo, issue_number: Number(existing.id), title: ticket.title, body, labels }),
      );
      seenOf(context).add(data);
      return toRef(ticket, data);
    },
    async list(context) {
      const prefix = `${ticketMarker(context.lineage, '')}`;
      return (await readNewIssues(context))
        .all()
        .flatMap((issue) =>
          issue.markers
            .filter((marker) => marker.startsWith(prefix))
            .map((marker) => toRef({ key: marker.slice(prefix.length), title: issue.title }, issue)),
        );
    },
    async close(ticket, context) {
      await call(context, (repo) =>
        octokit.issues.update({
          ...repo,
          issue_number: Number(ticket.id),
          state: 'closed',
          state_reason: 'not_planned',
        }),
      );
    },
    async link(ticket, created, context) {
      const self = created.get(ticket.key);
      if (!self) return;
      const lines =
        ticket.kind === 'epic'
          ? [...created.values()].filter((ref) => ref.key !== ticket.key).map((ref) => `- [ ] #${ref.id} ${ref.title}`)
          : ticket.dependsOn.flatMap((key) => (created.get(key) ? [`Blocked by #${created.get(key)!.id}`] : []));
      await call(context, async (repo) => {
        const { data: issue } = await octokit.issues.get({ ...repo, issue_number: Number(self.id) });
        const body = withLinksSection(issue.body ?? '', lines);
        if (body !== issue.body) await octokit.issues.update({ ...repo, issue_number: Number(self.id), body });
        if (ticket.kind !== 'epic') return;
        for (const child of created.values()) {
          if (child.key === ticket.key) continue;
          heartbeat();
          // Refs recorded before internalId existed need one lookup.
          const subIssueId = child.internalId
            ? Number(child.internalId)
            : (await octokit.issues.get({ ...repo, issue_number: Number(child.id) })).data.id;
          await octokit
            .request('POST /repos/{owner}/{repo}/issues/{issue_number}/sub_issues', {
              ...repo,
              issue_number: Number(self.id),
              sub_issue_id: subIssueId,
            })
            .catch((error: { status?: number }) => {
              // 422: already a sub-issue; 404: this server has no sub-issues. Neither loses a link: the body lists them.
              if (error.status !== 422 && error.status !== 404) throw error;
            });
        }
      });
    },
  };
}
