import { HttpProblem } from '../problem';
import type { Identity } from './identity';

/**
 * Who acts, from the body's `by` and the caller. In local mode (no identity) `by` is whatever the
 * caller says, and is required. With reviewers configured a reviewer acts only as themself; an
 * admin may act for another, named as `actor`.
 */
export function actingReviewer(
  by: string | undefined,
  identity: Identity | undefined,
  what: string,
): { by: string; actor?: string } {
  if (!identity) {
    if (!by)
      throw new HttpProblem(422, 'Invalid request', `by is required: who ${what}`, [
        { field: 'by', message: 'required' },
      ]);
    return { by };
  }
  if (by && by !== identity.name && identity.role !== 'admin') {
    throw new HttpProblem(
      403,
      'Forbidden',
      `You are signed in as "${identity.name}": a reviewer ${what} only as themself`,
      [{ field: 'by', message: `must be "${identity.name}" or left out` }],
    );
  }
  return by && by !== identity.name ? { by, actor: identity.name } : { by: identity.name };
}
