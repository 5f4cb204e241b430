import http from 'node:http';
import { metricsExposition } from './metrics-exposition';
import { PROMETHEUS_CONTENT_TYPE } from './prometheus-text';

/**
 * The worker's own scrape target (SPECFORGE_METRICS_PORT): a process with no API still shows its
 * runtime, model and ticket families. GET /metrics only; it carries no payload text, so like most
 * exporters it relies on the network it is exposed to rather than a token.
 */
export async function serveMetrics(port: number, host = '0.0.0.0'): Promise<http.Server> {
  const server = http.createServer((request, response) => {
    if (request.url?.split('?')[0] !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found: GET /metrics\n');
      return;
    }
    metricsExposition().then(
      (text) => response.writeHead(200, { 'content-type': PROMETHEUS_CONTENT_TYPE }).end(text),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, () => resolve()));
  return server;
}
