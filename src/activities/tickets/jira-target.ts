import { Version3Client } from 'jira.js';
import type { TicketRef } from '../../shared/spec-run';
import { ticketAdf } from './adf';
import { classifyJiraError } from './jira-errors';
import { runLabel, ticketLabel } from './run-label';
import { ticketMarker, type PlannedTicket } from './ticket-plan';
import type { TicketContext, TicketTarget } from './ticket-target';

export interface JiraTargetOptions {
  host: string;
  email: string;
  apiToken: string;
}

/** An Epic and Stories/Tasks under it (`parent`), with "Blocks" issue links for dependencies. */
export function createJiraTarget(options: JiraTargetOptions): TicketTarget {
  const client = new Version3Client({
    host: options.host,
    authentication: { basic: { email: options.email, apiToken: options.apiToken } },
  });
  const call = async <T>(context: TicketContext, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw classifyJiraError(error, context.destination ?? '(no project)');
    }
  };
  const browse = (key: string) => `${options.host.replace(/\/$/, '')}/browse/${key}`;
  const toRef = (ticket: PlannedTicket, issue: { id: string; key: string }): TicketRef => ({
    key: ticket.key,
    title: ticket.title,
    target: 'jira',
    id: issue.key,
    url: browse(issue.key),
  });

  return {
    name: 'jira',
    async find(ticket, context) {
      const jql = `project = "${context.destination}" AND labels = "${ticketLabel(context.specId, ticket.key)}"`;
      const found = await call(context, () =>
        client.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql, fields: ['summary'], maxResults: 1 }),
      );
      const issue = found.issues?.[0];
      return issue?.key && issue.id ? toRef(ticket, { id: issue.id, key: issue.key }) : undefined;
    },
    async create(ticket, context) {
      const created = await call(context, () =>
        client.issues.createIssue({
          fields: {
            project: { key: context.destination! },
            summary: ticket.title.slice(0, 255),
            issuetype: {
              name:
                ticket.kind === 'epic'
                  ? 'Epic'
                  : ticket.kind === 'component' || ticket.kind === 'endpoints'
                    ? 'Story'
                    : 'Task',
            },
            labels: [runLabel(context.specId), ticketLabel(context.specId, ticket.key), ...ticket.labels],
            description: ticketAdf(ticket, ticketMarker(context.specId, ticket.key)) as never,
            ...(context.epic ? { parent: { key: context.epic.id } } : {}),
          },
        }),
      );
      return toRef(ticket, created);
    },
    async close(ticket, context) {
      // Workflows differ per project: take the transition whose name says the work will not happen.
      const { transitions = [] } = await call(context, () => client.issues.getTransitions({ issueIdOrKey: ticket.id }));
      const closing = transitions.find((transition) =>
        /won.?t do|cancel|reject|close|done/i.test(transition.name ?? ''),
      );
      if (closing?.id)
        await call(context, () =>
          client.issues.doTransition({ issueIdOrKey: ticket.id, transition: { id: closing.id } }),
        );
    },
    async link(ticket, created, context) {
      const self = created.get(ticket.key);
      const blockers = ticket.dependsOn.flatMap((key) => (created.get(key) ? [created.get(key)!.id] : []));
      if (!self || blockers.length === 0) return;
      const issue = await call(context, () =>
        client.issues.getIssue({ issueIdOrKey: self.id, fields: ['issuelinks'] }),
      );
      const existing = new Set(
        (issue.fields.issuelinks ?? []).flatMap((link) =>
          link.type?.name === 'Blocks' && link.inwardIssue?.key ? [link.inwardIssue.key] : [],
        ),
      );
      for (const blocker of blockers.filter((key) => !existing.has(key))) {
        await call(context, () =>
          client.issueLinks.linkIssues({
            type: { name: 'Blocks' },
            inwardIssue: { key: blocker },
            outwardIssue: { key: self.id },
          }),
        );
      }
    },
  };
}
