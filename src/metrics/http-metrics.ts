import type { RequestHandler } from 'express';
import { Counter, Histogram, type Registry } from 'prom-client';
import { routeTemplate } from '../api/route-template';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * Counts every request and its duration by method, route template (`/v1/specs/:id`, never the id
 * itself, so the series stay few) and status. A request no route took is `unmatched`.
 */
export function httpMetrics(registry: Registry): RequestHandler {
  const requests = new Counter({
    name: 'specforge_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'specforge_http_request_duration_seconds',
    help: 'Time from a request arriving to its response finishing, by method and route template',
    labelNames: ['method', 'route'] as const,
    registers: [registry],
  });
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const method = METHODS.has(request.method) ? request.method : 'other';
      const route = routeTemplate(request) ?? 'unmatched';
      requests.inc({ method, route, status: String(response.statusCode) });
      durations.observe({ method, route }, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
