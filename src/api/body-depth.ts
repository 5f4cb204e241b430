import type { RequestHandler } from 'express';
import { HttpProblem } from './problem';

/** Far deeper than any phase's content; deep enough nesting overflows the stack of whatever walks it next. */
export const MAX_BODY_DEPTH = 64;

/**
 * Refuses a parsed body nested deeper than `maxDepth` (422 naming the body) before a route hands it
 * to code that recurses (schemas, signing, Temporal's payload converter). Measured without recursion.
 */
export function limitBodyDepth(maxDepth: number = MAX_BODY_DEPTH): RequestHandler {
  return (request, _response, next) => {
    if (depthExceeds(request.body, maxDepth)) {
      throw new HttpProblem(422, 'Invalid request', `The body is nested more than ${maxDepth} levels deep`, [
        { field: 'body', message: `nested more than ${maxDepth} levels deep` },
      ]);
    }
    next();
  };
}

function depthExceeds(value: unknown, maxDepth: number): boolean {
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return false;
}
