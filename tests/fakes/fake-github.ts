import express from 'express';
import type { AddressInfo } from 'node:net';
import { seededRandom, type FaultPlan } from './fault-plan';
import { lostReplyScript, type LostReplies } from './lost-replies';

interface Issue {
  id: number;
  number: number;
  title: string;
  body: string;
  labels: { name: string }[];
  html_url: string;
  state: 'open' | 'closed';
  state_reason?: string;
  subIssues: number[];
}

/**
 * GitHub's REST API for issues, labels and sub-issues on 127.0.0.1, for the real Octokit. It checks
 * the token and request bodies against the real API's shapes and can inject 429s, 502s and delays.
 */
export async function startFakeGitHub(options: {
  token: string;
  repos: string[];
  faults?: FaultPlan;
  seed?: number;
  refuseTitles?: string[];
  /** Issue creates that are stored and then answered 502. */
  lostReplies?: LostReplies;
  /** Answer every request 401 with the Authorization header echoed in the body, as some proxies do. */
  echoAuthorization?: boolean;
  /** Time the n-th issue create (0-based) takes before the issue exists, on top of `faults.delayMs`. */
  createDelayMs?: (createIndex: number) => number;
}) {
  const issues = new Map<string, Issue[]>(options.repos.map((repo) => [repo, []]));
  const labels = new Map<string, Set<string>>(options.repos.map((repo) => [repo, new Set()]));
  const requests: { method: string; path: string; status: number }[] = [];
  /** Every accepted issue edit (PATCH): which issue, and the fields the request set. */
  const edits: { repo: string; number: number; fields: Record<string, unknown> }[] = [];
  const random = seededRandom(options.seed ?? 1);
  let nextId = 1000;
  const replyLost = lostReplyScript(options.lostReplies);
  const app = express();
  app.use(express.json());
  const error = (response: express.Response, status: number, message: string) =>
    response.status(status).json({ message, documentation_url: 'https://docs.github.com/rest' });

  app.use(async (request, response, next) => {
    const record = { method: request.method, path: request.path, status: 0 };
    requests.push(record);
    response.on('finish', () => (record.status = response.statusCode));
    if (options.faults?.delayMs) await new Promise((resolve) => setTimeout(resolve, options.faults!.delayMs));
    if (options.echoAuthorization)
      return error(response, 401, `Bad credentials: ${request.headers.authorization ?? '(none)'}`);
    if (
      request.headers.authorization !== `token ${options.token}` &&
      request.headers.authorization !== `bearer ${options.token}`
    )
      return error(response, 401, 'Bad credentials');
    const repo = /^\/repos\/([^/]+\/[^/]+)/.exec(request.path)?.[1];
    if (repo && !issues.has(repo)) return error(response, 404, 'Not Found');
    if (request.method !== 'GET' && random() < (options.faults?.rateLimitShare ?? 0)) {
      response.setHeader('retry-after', String(options.faults?.retryAfterSeconds ?? 1));
      return error(response, 429, 'You have exceeded a secondary rate limit');
    }
    if (request.method !== 'GET' && random() < (options.faults?.serverErrorShare ?? 0))
      return error(response, 502, 'Server Error');
    next();
  });

  const repoOf = (request: express.Request) => `${request.params.owner}/${request.params.repo}`;
  app.get('/repos/:owner/:repo', (request, response) => {
    response.json({ full_name: repoOf(request), has_issues: true, permissions: { push: true } });
  });
  app.post('/repos/:owner/:repo/labels', (request, response) => {
    const { name, color } = request.body ?? {};
    if (typeof name !== 'string' || !name || name.length > 50 || (color !== undefined && !/^[0-9a-f]{6}$/i.test(color)))
      return error(response, 422, 'Validation Failed');
    const set = labels.get(repoOf(request))!;
    if (set.has(name))
      return response
        .status(422)
        .json({ message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] });
    set.add(name);
    response.status(201).json({ name, color });
  });
  app.get('/repos/:owner/:repo/issues', (request, response) => {
    const wanted = String(request.query.labels ?? '')
      .split(',')
      .filter(Boolean);
    const perPage = Number(request.query.per_page ?? 30);
    const page = Number(request.query.page ?? 1);
    // GitHub's order: newest first unless asked otherwise.
    const ascending = request.query.direction === 'asc';
    const matching = issues
      .get(repoOf(request))!
      .filter((issue) => wanted.every((label) => issue.labels.some((candidate) => candidate.name === label)))
      .sort((a, b) => (ascending ? a.number - b.number : b.number - a.number));
    const slice = matching.slice((page - 1) * perPage, page * perPage);
    if (page * perPage < matching.length) {
      const url = new URL(`http://${request.headers.host}${request.path}`);
      Object.entries({ ...request.query, page: String(page + 1) }).forEach(([key, value]) =>
        url.searchParams.set(key, String(value)),
      );
      response.setHeader('link', `<${url}>; rel="next"`);
    }
    response.json(slice.map(({ subIssues: _subIssues, ...issue }) => issue));
  });
  let creates = 0;
  app.post('/repos/:owner/:repo/issues', async (request, response) => {
    const { title, body, labels: names } = request.body ?? {};
    if (
      typeof title !== 'string' ||
      !title ||
      (body !== undefined && typeof body !== 'string') ||
      !Array.isArray(names) ||
      names.some((name) => typeof name !== 'string')
    ) {
      return error(response, 422, 'Validation Failed');
    }
    if (options.refuseTitles?.includes(title)) return error(response, 422, 'Validation Failed: title is not allowed');
    const missing = names.filter((name: string) => !labels.get(repoOf(request))!.has(name));
    if (missing.length) return error(response, 422, `Labels do not exist: ${missing.join(', ')}`);
    const delay = options.createDelayMs?.(creates++) ?? 0;
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const list = issues.get(repoOf(request))!;
    const number = list.length + 1;
    const issue: Issue = {
      id: nextId++,
      number,
      title,
      body: body ?? '',
      labels: names.map((name: string) => ({ name })),
      html_url: `https://github.example/${repoOf(request)}/issues/${number}`,
      state: 'open',
      subIssues: [],
    };
    list.push(issue);
    if (replyLost()) return error(response, 502, 'Server Error');
    response.status(201).json(issue);
  });
  const find = (request: express.Request) =>
    issues.get(repoOf(request))!.find((issue) => issue.number === Number(request.params.number));
  app.get('/repos/:owner/:repo/issues/:number', (request, response) => {
    const issue = find(request);
    return issue ? response.json(issue) : error(response, 404, 'Not Found');
  });
  app.patch('/repos/:owner/:repo/issues/:number', (request, response) => {
    const issue = find(request);
    if (!issue) return error(response, 404, 'Not Found');
    const { title, body, labels: names } = request.body ?? {};
    if (
      (title !== undefined && (typeof title !== 'string' || !title)) ||
      (body !== undefined && body !== null && typeof body !== 'string') ||
      (names !== undefined && (!Array.isArray(names) || names.some((name) => typeof name !== 'string')))
    )
      return error(response, 422, 'Validation Failed');
    const missing = ((names ?? []) as string[]).filter((name) => !labels.get(repoOf(request))!.has(name));
    if (missing.length) return error(response, 422, `Labels do not exist: ${missing.join(', ')}`);
    if (request.body?.state !== undefined) {
      if (
        !['open', 'closed'].includes(request.body.state) ||
        !['completed', 'not_planned', 'reopened', undefined].includes(request.body.state_reason)
      )
        return error(response, 422, 'Validation Failed');
      issue.state = request.body.state;
      issue.state_reason = request.body.state_reason;
    }
    if (title !== undefined) issue.title = title;
    if (body !== undefined) issue.body = body ?? '';
    if (names !== undefined) issue.labels = names.map((name: string) => ({ name }));
    edits.push({ repo: repoOf(request), number: issue.number, fields: request.body ?? {} });
    const { subIssues: _subIssues, ...shown } = issue;
    response.json(shown);
  });
  app.post('/repos/:owner/:repo/issues/:number/sub_issues', (request, response) => {
    const issue = find(request);
    const child = issues.get(repoOf(request))!.find((candidate) => candidate.id === request.body?.sub_issue_id);
    if (!issue || !child) return error(response, 404, 'Not Found');
    if (issue.subIssues.includes(child.id)) return error(response, 422, 'Validation Failed: sub-issue already exists');
    issue.subIssues.push(child.id);
    response.status(201).json(issue);
  });
  app.use((request: express.Request, response: express.Response) =>
    error(response, 404, `Not Found: ${request.method} ${request.path}`),
  );

  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    issues,
    requests,
    edits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
