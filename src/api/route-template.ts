import type { Request } from 'express';

/** The matched route's template (`/v1/specs/:id`), never the path with its ids; none for an unmatched request. */
export function routeTemplate(request: Request): string | undefined {
  const path: unknown = request.route?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : undefined;
}
