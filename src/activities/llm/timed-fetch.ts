import { Agent, fetch as undiciFetch } from 'undici';

/** Past the model call's own timeout, so that one fires first and is reported as the timeout it is. */
const SLACK_MS = 5_000;

/**
 * A fetch whose connection timeouts follow the model call timeout. Node's built-in fetch gives up
 * on a response whose headers take over 300 s, which a local model on a few cores can take.
 */
export function fetchWithTimeouts(timeoutMs: number, slackMs = SLACK_MS): typeof fetch {
  const dispatcher = new Agent({ headersTimeout: timeoutMs + slackMs, bodyTimeout: timeoutMs + slackMs });
  return ((input: Parameters<typeof fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    })) as unknown as typeof fetch;
}
