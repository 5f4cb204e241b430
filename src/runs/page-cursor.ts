/**
 * A list cursor is Temporal's visibility page token in base64url. Temporal's visibility stores
 * write their page tokens as JSON, and the server answers a token that is not JSON with a
 * retryable error (the client then retries for 20 s), so a cursor that does not decode to a JSON
 * object is refused at once as one this API never handed out.
 */
export function encodePageCursor(token: Uint8Array | null | undefined): string | null {
  return token?.length ? Buffer.from(token).toString('base64url') : null;
}

/** The page token inside a cursor, or undefined when the cursor is not one this API returned. */
export function decodePageCursor(cursor: string): Buffer | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const token = Buffer.from(cursor, 'base64url');
  try {
    const parsed: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(token));
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? token : undefined;
  } catch {
    return undefined;
  }
}

/** A cursor this API did not hand out, or one Temporal no longer takes: the caller's mistake (422). */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
  constructor() {
    super('cursor is not a value returned as nextCursor: start again without a cursor');
  }
}
