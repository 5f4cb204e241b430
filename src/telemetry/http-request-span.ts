import { context, propagation, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import {
  ATTR_ERROR_TYPE,
  ATTR_HTTP_REQUEST_METHOD,
  ATTR_HTTP_RESPONSE_STATUS_CODE,
  ATTR_HTTP_ROUTE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { RequestHandler } from 'express';
import { routeTemplate } from '../api/route-template';

/**
 * One SERVER span per HTTP request, active while the route runs: a workflow started, signalled or
 * updated by the route (through the traced Temporal client) joins the request's trace. A caller's
 * `traceparent` header is honoured, so a traced front end sees the whole run too. Without a
 * registered tracer provider the span is a no-op.
 */
export function traceRequests(): RequestHandler {
  const tracer = trace.getTracer('specforge-api');
  return (request, response, next) => {
    const parent = propagation.extract(context.active(), request.headers);
    const span = tracer.startSpan(
      request.method,
      {
        kind: SpanKind.SERVER,
        attributes: { [ATTR_HTTP_REQUEST_METHOD]: request.method, [ATTR_URL_PATH]: request.path },
      },
      parent,
    );
    // 'close' comes once whether the response finished or the client went away.
    response.once('close', () => {
      const route = routeTemplate(request);
      if (route) {
        span.setAttribute(ATTR_HTTP_ROUTE, route);
        span.updateName(`${request.method} ${route}`);
      }
      span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, response.statusCode);
      // For a server span only a 5xx is an error: a 4xx is the caller's mistake, answered correctly.
      if (response.statusCode >= 500) {
        span.setAttribute(ATTR_ERROR_TYPE, String(response.statusCode));
        span.setStatus({ code: SpanStatusCode.ERROR });
      }
      span.end();
    });
    context.with(trace.setSpan(parent, span), next);
  };
}
