import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationFailure } from '@temporalio/common';
import { Version3Client } from 'jira.js';
import { FailureType } from '../../shared/failure-types';
import type { TicketRef } from '../../shared/spec-run';
import { heartbeat } from '../heartbeat';
import { ticketAdf } from './adf';
import { notDoneClosing } from './jira-closing';
import { classifyJiraError } from './jira-errors';
import { outcomeUnknown } from './outcome-unknown';
import { runLabel, ticketLabel } from './run-label';
import { ticketMarker, type PlannedTicket } from './ticket-plan';
import { ticketTitle } from './ticket-title';
import type { TicketContext, TicketTarget } from './ticket-target';

export interface JiraTargetOptions {
  host: string;
  email: string;
  apiToken: string;
  /** Every secret the worker holds (the token is always added): redacted from the failures this target throws. */
  secrets?: readonly (string | undefined)[];
  /**
   * How long JQL search may lag behind a create (Atlassian documents that /search/jql can miss
   * recent writes). After a create whose outcome is unknown, the marker is looked for this long.
   */
  searchLagMs?: number;
}

const DEFAULT_SEARCH_LAG_MS = 10_000;

/** An Epic and Stories/Tasks under it (`parent`), with "Blocks" issue links for dependencies. */
export function createJiraTarget(options: JiraTargetOptions): TicketTarget {
  const client = new Version3Client({
    host: options.host,
    authentication: { basic: { email: options.email, apiToken: options.apiToken } },
  });
  // The Basic credential as sent, so a server that echoes the header has it redacted too.
  const basic = Buffer.from(`${options.email}:${options.apiToken}`).toString('base64');
  const secrets = [options.apiToken, basic, ...(options.secrets ?? [])];
  /** `subject` names what a 404 is about when it is not the project (`issue SHOP-3`). */
  const call = async <T>(context: TicketContext, work: () => Promise<T>, subject?: string): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw classifyJiraError(error, context.destination ?? '(no project)', secrets, subject);
    }
  };
  const searchLagMs = options.searchLagMs ?? DEFAULT_SEARCH_LAG_MS;
  // Per run: the tickets already found (a found ticket never needs a second search) and when this
  // worker last created one (the search may not show it before the lag has passed).
  const runs = new Map<string, { found: Map<string, TicketRef>; lastCreate?: number }>();
  const runOf = (context: TicketContext) => {
    const id = `${context.destination}:${context.lineage}`;
    let run = runs.get(id);
    if (!run) {
      // A worker serves many runs in its life: keep the recent ones.
      if (runs.size >= 100) runs.delete(runs.keys().next().value!);
      runs.set(id, (run = { found: new Map() }));
    }
    return run;
  };
  const browse = (key: string) => `${options.host.replace(/\/$/, '')}/browse/${key}`;
  const toRef = (ticket: Pick<PlannedTicket, 'key' | 'title'>, issue: { key: string }): TicketRef => ({
    key: ticket.key,
    title: ticket.title,
    target: 'jira',
    id: issue.key,
    url: browse(issue.key),
  });

  /** What a create sets and an update overwrites: the summary, the description with its marker, the labels. */
  const editableFields = (ticket: PlannedTicket, context: TicketContext) => ({
    summary: ticketTitle(ticket.title),
    labels: [runLabel(context.lineage), ticketLabel(context.lineage, ticket.key), ...ticket.labels],
    description: ticketAdf(ticket, ticketMarker(context.lineage, ticket.key)) as never,
  });

  const search = async (ticket: PlannedTicket, context: TicketContext) => {
    const jql = `project = "${context.destination}" AND labels = "${ticketLabel(context.lineage, ticket.key)}" ORDER BY created ASC`;
    const found = await call(context, () =>
      client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql, fields: ['summary'], maxResults: 1 }),
    );
    const issue = found.issues?.[0];
    if (!issue?.key) return undefined;
    const reference = toRef(ticket, issue);
    runOf(context).found.set(ticket.key, reference);
    return reference;
  };
  const find = async (ticket: PlannedTicket, context: TicketContext) =>
    runOf(context).found.get(ticket.key) ?? (await search(ticket, context));

  /** Searches for the marker until the index has caught up with a create sent at `sentAt`. */
  const findOnceIndexed = async (ticket: PlannedTicket, context: TicketContext, sentAt: number) => {
    for (;;) {
      const found = await search(ticket, context);
      const left = sentAt + searchLagMs - Date.now();
      if (found || left <= 0) return found;
      heartbeat();
      await sleep(Math.min(left, Math.max(100, searchLagMs / 8)));
    }
  };

  return {
    name: 'jira',
    async check(destination) {
      const context = { lineage: '', packDir: '', destination };
      if (!destination)
        throw ApplicationFailure.nonRetryable('tickets.project is required for Jira', FailureType.TrackerBadRequest);
      await call(context, () => client.projects.getProject({ projectIdOrKey: destination }));
    },
    find,
    async create(ticket, context) {
      const sentAt = Date.now();
      let uncertain = false;
      try {
        const created = await call(context, () =>
          client.issues
            .createIssue({
              fields: {
                project: { key: context.destination! },
                issuetype: {
                  name:
                    ticket.kind === 'epic'
                      ? 'Epic'
                      : ticket.kind === 'component' || ticket.kind === 'endpoints'
                        ? 'Story'
                        : 'Task',
                },
                ...editableFields(ticket, context),
                ...(context.epic ? { parent: { key: context.epic.id } } : {}),
              },
            })
            .catch((error: unknown) => {
              uncertain = outcomeUnknown(error);
              throw error;
            }),
        );
        const reference = toRef(ticket, created);
        runOf(context).found.set(ticket.key, reference);
        return reference;
      } catch (failure) {
        // Jira may have stored the issue before the reply failed, and its search may not show it
        // yet: look until the index has caught up, so the retry cannot make a second one.
        const stored = uncertain ? await findOnceIndexed(ticket, context, sentAt) : undefined;
        if (stored) return stored;
        throw failure;
      } finally {
        runOf(context).lastCreate = Date.now();
      }
    },
    async update(ticket, existing, context) {
      await call(
        context,
        () => client.issues.editIssue({ issueIdOrKey: existing.id, fields: editableFields(ticket, context) }),
        `issue ${existing.id}`,
      );
      const reference = toRef(ticket, { key: existing.id });
      runOf(context).found.set(ticket.key, reference);
      return reference;
    },
    async list(context) {
      // Issues this worker created lately may not be searchable yet; with none known, another
      // worker may have made them, so wait the whole lag.
      const caughtUp = (runOf(context).lastCreate ?? Date.now()) + searchLagMs;
      // In short steps, each with a heartbeat, so a long lag never looks like a dead worker.
      for (let left = caughtUp - Date.now(); left > 0; left = caughtUp - Date.now()) {
        heartbeat();
        await sleep(Math.min(left, 2_000));
      }
      const label = runLabel(context.lineage);
      const jql = `project = "${context.destination}" AND labels = "${label}" ORDER BY created ASC`;
      const references: TicketRef[] = [];
      let nextPageToken: string | undefined;
      do {
        heartbeat();
        const page = await call(context, () =>
          client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({
            jql,
            fields: ['summary', 'labels'],
            maxResults: 100,
            nextPageToken,
          }),
        );
        for (const issue of page.issues ?? []) {
          const labels = (issue.fields?.labels ?? []) as string[];
          const own = labels.find((candidate) => candidate.startsWith(`${label}-`));
          if (issue.key && own)
            references.push(
              toRef({ key: own.slice(label.length + 1), title: String(issue.fields?.summary ?? '') }, issue),
            );
        }
        nextPageToken = page.nextPageToken;
      } while (nextPageToken);
      return references;
    },
    async close(ticket, context) {
      const subject = `issue ${ticket.id}`;
      const { fields } = await call(
        context,
        () => client.issues.getIssue({ issueIdOrKey: ticket.id, fields: ['resolution'] }),
        subject,
      );
      // Resolved already (by an earlier close, or by a person): leave it as it is.
      if (fields.resolution) return;
      const { transitions = [] } = await call(
        context,
        () => client.issues.getTransitions({ issueIdOrKey: ticket.id, expand: 'transitions.fields' }),
        subject,
      );
      const closing = notDoneClosing(transitions);
      if (!closing)
        throw ApplicationFailure.nonRetryable(
          `No transition of ${ticket.id} resolves it as not done (offered: ${transitions.map((transition) => transition.name).join(', ') || 'none'}); ` +
            `it stays open rather than being closed as Done: add a "Won't Do" transition or a Resolution field on a closing screen`,
          FailureType.TrackerBadRequest,
        );
      await call(
        context,
        () =>
          client.issues.doTransition({
            issueIdOrKey: ticket.id,
            transition: { id: closing.id },
            ...(closing.resolution ? { fields: { resolution: closing.resolution } } : {}),
          }),
        subject,
      );
    },
    async link(ticket, created, context) {
      const self = created.get(ticket.key);
      const blockers = ticket.dependsOn.flatMap((key) => (created.get(key) ? [created.get(key)!.id] : []));
      if (!self || blockers.length === 0) return;
      const issue = await call(
        context,
        () => client.issues.getIssue({ issueIdOrKey: self.id, fields: ['issuelinks'] }),
        `issue ${self.id}`,
      );
      const existing = new Set(
        (issue.fields.issuelinks ?? []).flatMap((link) =>
          link.type?.name === 'Blocks' && link.inwardIssue?.key ? [link.inwardIssue.key] : [],
        ),
      );
      for (const blocker of blockers.filter((key) => !existing.has(key))) {
        await call(
          context,
          () =>
            client.issueLinks.linkIssues({
              type: { name: 'Blocks' },
              inwardIssue: { key: blocker },
              outwardIssue: { key: self.id },
            }),
          `"Blocks" link from ${blocker} to ${self.id} (one of the issues, or the link type)`,
        );
      }
    },
  };
}
