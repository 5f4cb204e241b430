/** Reads one response header by its lower-case name; undefined when absent. */
type HeaderReader = (name: string) => string | undefined;

/** Any of the header shapes the clients hand back: fetch's Headers, Octokit's and axios's plain objects. */
export type HeaderSource =
  | { get(name: string): string | null | undefined }
  | Record<string, string | string[] | number | undefined | null>
  | undefined
  | null;

/**
 * The one Retry-After parser: `retry-after-ms` (OpenAI's, in milliseconds), else `Retry-After` in
 * seconds or as an HTTP date. Milliseconds from `now`, never negative; undefined when the server
 * says nothing usable, so Temporal's own backoff applies.
 */
export function retryAfterMs(headers: HeaderSource, now: number = Date.now()): number | undefined {
  const read = headerReader(headers);
  const milliseconds = numberOf(read('retry-after-ms'));
  if (milliseconds !== undefined) return Math.max(0, Math.round(milliseconds));
  const value = read('retry-after')?.trim();
  if (!value) return undefined;
  const seconds = numberOf(value);
  if (seconds !== undefined) return Math.max(0, Math.round(seconds * 1000));
  // HTTP dates start with the day's name (IMF-fixdate, RFC 850, asctime); Date.parse alone takes "-3" as a year.
  const date = /^[A-Za-z]{3,9},? /.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Case-insensitive reading from whichever shape the headers came in. */
function headerReader(headers: HeaderSource): HeaderReader {
  if (!headers) return () => undefined;
  if (typeof (headers as { get?: unknown }).get === 'function') {
    const withGet = headers as { get(name: string): string | null | undefined };
    return (name) => withGet.get(name) ?? undefined;
  }
  const entries = Object.entries(headers as Record<string, unknown>);
  return (name) => {
    const value = entries.find(([key]) => key.toLowerCase() === name)?.[1];
    if (value === undefined || value === null) return undefined;
    return Array.isArray(value) ? String(value[0]) : String(value);
  };
}

function numberOf(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Number(value);
}
