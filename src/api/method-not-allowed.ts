import type { RequestHandler } from 'express';
import { HttpProblem } from './problem';

/** The review page's own routes (src/web), which the API document does not list. */
const PAGE_ROUTES: Record<string, string[]> = {
  '/': ['get'],
  '/signin': ['get', 'post'],
  '/specs/{id}': ['get'],
  '/specs/{id}/files/{file}': ['get'],
  '/specs/{id}/state': ['get'],
};

/**
 * The last handler: a known path asked with a method it does not take is 405 with Allow (RFC 9110);
 * anything else is 404. Known paths are the API document's plus the review page's.
 */
export function unmatchedRoute(paths: Record<string, Record<string, unknown>>): RequestHandler {
  const routes = Object.entries({ ...paths, ...pageRoutes() }).map(([template, operations]) => ({
    pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
    allow: allowed(Object.keys(operations)),
  }));
  return (request) => {
    const route = routes.find((candidate) => candidate.pattern.test(request.path));
    if (route) {
      throw new HttpProblem(
        405,
        'Method not allowed',
        `${request.path.slice(0, 200)} takes ${route.allow.join(', ')}, not ${request.method}`,
        [{ field: 'method', message: `one of ${route.allow.join(', ')}` }],
        { Allow: route.allow.join(', ') },
      );
    }
    throw new HttpProblem(404, 'Not found', `No route ${request.method} ${request.path.slice(0, 200)}`);
  };
}

function pageRoutes(): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    Object.entries(PAGE_ROUTES).map(([path, methods]) => [path, Object.fromEntries(methods.map((m) => [m, {}]))]),
  );
}

/** GET implies HEAD (Express answers it); OPTIONS is answered by Express for every known path. */
function allowed(methods: string[]): string[] {
  const upper = methods.filter((method) => method !== 'parameters').map((method) => method.toUpperCase());
  return [...upper, ...(upper.includes('GET') ? ['HEAD'] : [])];
}
