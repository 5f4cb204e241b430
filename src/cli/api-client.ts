/** An error the API answered with: its problem+json `detail`, or what went wrong reaching it. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError';
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface ApiClient {
  readonly baseUrl: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

export interface ApiClientOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** Longest wait for one answer; the API's slowest (a decision waiting for a worker) answers within 15 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The CLI's client for SPECFORGE_URL: a bearer token, and `x-specforge-client: cli` so the API
 * records decisions as made through the CLI.
 */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const send = options.fetch ?? fetch;
  return {
    baseUrl,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
  };

  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const url = `${baseUrl}${path}`;
    const response = await send(url, {
      method,
      headers: {
        authorization: `Bearer ${options.token}`,
        'x-specforge-client': 'cli',
        accept: 'application/json, application/problem+json',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    }).catch((error: Error) => {
      if (error.name === 'TimeoutError')
        throw new ApiRequestError(
          `SPECFORGE_URL ${baseUrl} did not answer ${method} ${path} within ${(options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000} s`,
        );
      const cause = (error.cause as Error | undefined)?.message;
      throw new ApiRequestError(`cannot reach SPECFORGE_URL ${baseUrl} (${cause ?? error.message})`);
    });
    const text = await response.text();
    const json = parseJson(text);
    if (response.ok && json !== undefined) return json as T;
    const retryAfter = response.headers.get('retry-after');
    const message =
      problemDetail(json) ??
      `${method} ${path} answered HTTP ${response.status}${response.ok ? ' with a body that is not JSON' : ''}`;
    throw new ApiRequestError(
      response.status === 503 && retryAfter && !message.includes('try again')
        ? `${message} (try again in ${retryAfter} s)`
        : message,
      response.status,
    );
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function problemDetail(json: unknown): string | undefined {
  const problem = json as { detail?: unknown; title?: unknown } | undefined;
  if (typeof problem?.detail === 'string' && problem.detail) return problem.detail;
  return typeof problem?.title === 'string' ? problem.title : undefined;
}
