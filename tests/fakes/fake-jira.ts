import express from 'express';
import type { AddressInfo } from 'node:net';
import { seededRandom, type FaultPlan } from './fault-plan';
import { lostReplyScript, type LostReplies } from './lost-replies';

interface JiraIssue {
  id: string;
  key: string;
  status?: string;
  resolution?: string;
  fields: {
    summary: string;
    issuetype: { name: string };
    labels: string[];
    parent?: { key: string };
    description: unknown;
    project: { key: string };
  };
}

interface FakeTransition {
  id: string;
  name: string;
  to: string;
  /** The resolutions its screen offers; a transition without a screen resolves by its status. */
  resolutions?: string[];
}

/** Workflows as projects have them; each lists its transitions in Jira's order. */
export const JIRA_WORKFLOWS = {
  wontDo: [
    { id: '11', name: 'In Progress', to: 'In Progress' },
    { id: '31', name: "Won't Do", to: "Won't Do" },
  ],
  /** Jira's standard software workflow: "Done" comes before the way out that is not done. */
  doneFirst: [
    { id: '11', name: 'To Do', to: 'To Do' },
    { id: '21', name: 'In Progress', to: 'In Progress' },
    { id: '31', name: 'Done', to: 'Done' },
    { id: '41', name: "Won't Do", to: "Won't Do" },
  ],
  /** No not-done status: closing asks for a resolution on a screen. */
  resolutionScreen: [
    { id: '21', name: 'In Progress', to: 'In Progress' },
    { id: '31', name: 'Done', to: 'Done' },
    { id: '51', name: 'Close Issue', to: 'Closed', resolutions: ['Done', "Won't Do", 'Duplicate'] },
  ],
  /** Nothing but Done: no way to close as not done. */
  doneOnly: [
    { id: '11', name: 'To Do', to: 'To Do' },
    { id: '21', name: 'In Progress', to: 'In Progress' },
    { id: '31', name: 'Done', to: 'Done' },
  ],
} satisfies Record<string, FakeTransition[]>;
const RESOLVING_STATUSES = ['Done', 'Closed', "Won't Do"];

interface JiraLink {
  type: string;
  inward: string;
  outward: string;
}

/**
 * Jira Cloud's v3 REST API for issues, JQL search and issue links on 127.0.0.1, for the real
 * jira.js client. It checks Basic auth and the shapes of bodies (ADF descriptions, parent, labels).
 */
export async function startFakeJira(options: {
  email: string;
  apiToken: string;
  projects: string[];
  faults?: FaultPlan;
  seed?: number;
  /** Issue creates that are stored and then answered 502. */
  lostReplies?: LostReplies;
  /** An issue shows in /search/jql only this long after its create, as Atlassian documents it may. */
  searchLagMs?: number;
  workflow?: FakeTransition[];
}) {
  const issues: JiraIssue[] = [];
  const links: JiraLink[] = [];
  const requests: { method: string; path: string; status: number }[] = [];
  /** Every accepted issue edit (PUT): which issue, and the fields the request set. */
  const edits: { key: string; fields: Record<string, unknown> }[] = [];
  const random = seededRandom(options.seed ?? 7);
  const counters = new Map<string, number>();
  const replyLost = lostReplyScript(options.lostReplies);
  const searchableAt = new Map<string, number>();
  const transitions: FakeTransition[] = options.workflow ?? JIRA_WORKFLOWS.wontDo;
  const app = express();
  app.use(express.json());
  const fail = (
    response: express.Response,
    status: number,
    errorMessages: string[],
    errors: Record<string, string> = {},
  ) => response.status(status).json({ errorMessages, errors });

  app.use(async (request, response, next) => {
    const record = { method: request.method, path: request.path, status: 0 };
    requests.push(record);
    response.on('finish', () => (record.status = response.statusCode));
    if (options.faults?.delayMs) await new Promise((resolve) => setTimeout(resolve, options.faults!.delayMs));
    const expected = `Basic ${Buffer.from(`${options.email}:${options.apiToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected)
      return fail(response, 401, ['Client must be authenticated to access this resource.']);
    if (request.method !== 'GET' && random() < (options.faults?.rateLimitShare ?? 0)) {
      response.setHeader('retry-after', String(options.faults?.retryAfterSeconds ?? 1));
      return fail(response, 429, ['Rate limit exceeded.']);
    }
    if (request.method !== 'GET' && random() < (options.faults?.serverErrorShare ?? 0))
      return fail(response, 503, ['Service unavailable']);
    next();
  });

  /** Jira's refusal of the named fields' values, as a create or an edit answers it; undefined when they are fine. */
  const fieldProblems = (fields: Record<string, unknown>, names: string[]): Record<string, string> | undefined => {
    const { summary, labels, description } = fields as {
      summary?: unknown;
      labels?: unknown;
      description?: { type?: unknown; version?: unknown; content?: unknown };
    };
    if (names.includes('summary') && (typeof summary !== 'string' || !summary || summary.length > 255))
      return { summary: 'You must specify a summary of the issue.' };
    if (
      names.includes('labels') &&
      (!Array.isArray(labels) || labels.some((label: unknown) => typeof label !== 'string' || /\s/.test(label)))
    )
      return { labels: 'Labels cannot contain spaces.' };
    if (
      names.includes('description') &&
      (description?.type !== 'doc' || description?.version !== 1 || !Array.isArray(description?.content))
    )
      return { description: 'Operation value must be an Atlassian Document.' };
    return undefined;
  };

  app.post('/rest/api/3/issue', (request, response) => {
    const fields = request.body?.fields ?? {};
    const project = fields.project?.key;
    if (!options.projects.includes(project)) return fail(response, 400, [], { project: 'valid project is required' });
    const refused = fieldProblems(fields, ['summary', 'labels', 'description']);
    if (refused) return fail(response, 400, [], refused);
    if (!['Epic', 'Story', 'Task'].includes(fields.issuetype?.name))
      return fail(response, 400, [], { issuetype: 'The issue type selected is invalid.' });
    if (fields.parent && !issues.some((issue) => issue.key === fields.parent.key))
      return fail(response, 400, [], { parent: 'Could not find issue by id or key.' });
    const number = (counters.get(project) ?? 0) + 1;
    counters.set(project, number);
    const issue: JiraIssue = { id: String(10_000 + issues.length), key: `${project}-${number}`, fields };
    issues.push(issue);
    searchableAt.set(issue.id, Date.now() + (options.searchLagMs ?? 0));
    if (replyLost()) return fail(response, 502, ['Bad gateway']);
    response
      .status(201)
      .json({ id: issue.id, key: issue.key, self: `http://${request.headers.host}/rest/api/3/issue/${issue.id}` });
  });
  app.put('/rest/api/3/issue/:key', (request, response) => {
    const issue = issues.find(
      (candidate) => candidate.key === request.params.key || candidate.id === request.params.key,
    );
    if (!issue) return fail(response, 404, ['Issue does not exist or you do not have permission to see it.']);
    const fields = request.body?.fields ?? {};
    const refused = fieldProblems(fields, Object.keys(fields));
    if (refused) return fail(response, 400, [], refused);
    for (const name of ['project', 'issuetype'])
      if (name in fields)
        return fail(response, 400, [], { [name]: `Field '${name}' cannot be set on edit in this fake.` });
    Object.assign(issue.fields, fields);
    edits.push({ key: issue.key, fields });
    response.status(204).end();
  });
  app.get('/rest/api/3/search/jql', (request, response) => {
    const jql = String(request.query.jql ?? '');
    const project = /project = "([^"]+)"/.exec(jql)?.[1];
    const label = /labels = "([^"]+)"/.exec(jql)?.[1];
    if (!project || !label) return fail(response, 400, [`Unsupported JQL in this fake: ${jql}`]);
    if (!options.projects.includes(project))
      return fail(response, 400, [`The value '${project}' does not exist for the field 'project'.`]);
    const found = issues.filter(
      (issue) =>
        issue.fields.project.key === project &&
        issue.fields.labels.includes(label) &&
        Date.now() >= searchableAt.get(issue.id)!,
    );
    const start = Number(request.query.nextPageToken ?? 0);
    const end = start + Number(request.query.maxResults ?? 50);
    response.json({
      issues: found
        .slice(start, end)
        .map(({ id, key, fields }) => ({ id, key, fields: { summary: fields.summary, labels: fields.labels } })),
      ...(end < found.length ? { nextPageToken: String(end) } : {}),
      isLast: end >= found.length,
    });
  });
  app.get('/rest/api/3/project/:key', (request, response) => {
    if (!options.projects.includes(request.params.key))
      return fail(response, 404, [`No project could be found with key '${request.params.key}'.`]);
    response.json({ id: '10000', key: request.params.key, name: request.params.key });
  });
  app.get('/rest/api/3/issue/:key', (request, response) => {
    const issue = issues.find(
      (candidate) => candidate.key === request.params.key || candidate.id === request.params.key,
    );
    if (!issue) return fail(response, 404, ['Issue does not exist or you do not have permission to see it.']);
    const issuelinks = links
      .filter((link) => link.outward === issue.key)
      .map((link) => ({
        type: { name: link.type, inward: 'is blocked by', outward: 'blocks' },
        inwardIssue: { key: link.inward },
      }));
    response.json({
      id: issue.id,
      key: issue.key,
      fields: {
        ...issue.fields,
        issuelinks,
        status: { name: issue.status ?? 'To Do' },
        resolution: issue.resolution ? { name: issue.resolution } : null,
      },
    });
  });
  app.get('/rest/api/3/issue/:key/transitions', (request, response) => {
    if (!issues.some((issue) => issue.key === request.params.key))
      return fail(response, 404, ['Issue does not exist or you do not have permission to see it.']);
    const expanded = String(request.query.expand ?? '').includes('transitions.fields');
    response.json({
      transitions: transitions.map(({ id, name, to, resolutions }) => ({
        id,
        name,
        to: { name: to },
        hasScreen: Boolean(resolutions),
        ...(expanded
          ? {
              fields: resolutions
                ? {
                    resolution: {
                      key: 'resolution',
                      name: 'Resolution',
                      required: true,
                      operations: ['set'],
                      allowedValues: resolutions.map((value, index) => ({ id: String(index + 1), name: value })),
                    },
                  }
                : {},
            }
          : {}),
      })),
    });
  });
  app.post('/rest/api/3/issue/:key/transitions', (request, response) => {
    const issue = issues.find((candidate) => candidate.key === request.params.key);
    const transition = transitions.find((candidate) => candidate.id === request.body?.transition?.id);
    if (!issue) return fail(response, 404, ['Issue does not exist or you do not have permission to see it.']);
    if (!transition)
      return fail(response, 400, [
        'It seems that you have tried to perform a workflow operation (null) that is not valid.',
      ]);
    const resolution = request.body?.fields?.resolution;
    if (resolution && !transition.resolutions)
      return fail(response, 400, [], {
        resolution: "Field 'resolution' cannot be set. It is not on the appropriate screen, or unknown.",
      });
    if (transition.resolutions) {
      const value = transition.resolutions.find(
        (candidate, index) => candidate === resolution?.name || String(index + 1) === resolution?.id,
      );
      if (!value) return fail(response, 400, [], { resolution: 'Resolution is required.' });
      issue.resolution = value;
    } else if (RESOLVING_STATUSES.includes(transition.to)) issue.resolution = transition.to;
    issue.status = transition.to;
    response.status(204).end();
  });
  app.post('/rest/api/3/issueLink', (request, response) => {
    const { type, inwardIssue, outwardIssue } = request.body ?? {};
    if (type?.name !== 'Blocks') return fail(response, 404, [`No issue link type with name '${type?.name}' found.`]);
    for (const key of [inwardIssue?.key, outwardIssue?.key])
      if (!issues.some((issue) => issue.key === key)) return fail(response, 404, [`Issue ${key} does not exist.`]);
    links.push({ type: type.name, inward: inwardIssue.key, outward: outwardIssue.key });
    response.status(201).end();
  });
  app.use((request: express.Request, response: express.Response) =>
    fail(response, 404, [`Not found in this fake: ${request.method} ${request.path}`]),
  );

  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    issues,
    links,
    requests,
    edits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
