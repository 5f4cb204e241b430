import type { Response } from 'express';
import type { Identity } from '../api/auth/identity';

/** Who is looking at a page, and what their POSTs need. */
export interface Viewer {
  /** Unset in local single-user mode: the page then asks for a name and sends it as `by`. */
  identity?: Identity;
  /** Sent back as `x-csrf-token` (fetch) or `_csrf` (forms) with the session cookie. */
  csrfToken?: string;
  /** True when reviewers are configured, so decisions take `by` from the identity. */
  signedInMode: boolean;
}

export function viewerOf(response: Response, signedInMode: boolean): Viewer {
  const locals = response.locals as { identity?: Identity; csrfToken?: string };
  return { identity: locals.identity, csrfToken: locals.csrfToken, signedInMode };
}
