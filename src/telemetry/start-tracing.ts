import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';
import { ErrorTextFreeProcessor } from './error-text-free-processor';

export interface TracingOptions {
  /** `service.name` of every span this process records. */
  serviceName: string;
  /** OTEL_EXPORTER_OTLP_ENDPOINT: the collector's base URL; spans go to `<endpoint>/v1/traces`. */
  endpoint?: string;
  /** Tests pass an in-memory exporter; spans are then handed over as each one ends. */
  exporter?: SpanExporter;
}

export interface Tracing {
  readonly resource: Resource;
  /** Where the workers' workflow span sink hands the spans recorded inside the workflow sandbox. */
  readonly processor: SpanProcessor;
  /** Flushes the spans not yet exported and unregisters the provider. */
  shutdown(): Promise<void>;
}

let current: Tracing | undefined;

/**
 * Registers this process's tracer provider (with the W3C trace-context propagator and an
 * AsyncLocalStorage context manager), unless there is nowhere to send spans: then the OpenTelemetry
 * API stays a no-op and tracing costs nothing. One provider per process: a second call (the API
 * and the worker in one process) gets the first.
 */
export function startTracing(options: TracingOptions): Tracing | undefined {
  if (current) return current;
  if (!options.endpoint && !options.exporter) return undefined;
  const resource = new Resource({ [ATTR_SERVICE_NAME]: options.serviceName });
  const processor = new ErrorTextFreeProcessor(
    options.exporter
      ? new SimpleSpanProcessor(options.exporter)
      : new BatchSpanProcessor(new OTLPTraceExporter({ url: tracesUrl(options.endpoint!) })),
  );
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  const started: Tracing = {
    resource,
    processor,
    async shutdown() {
      if (current !== started) return;
      current = undefined;
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  current = started;
  return started;
}

/** The tracing this process started, if any. */
export function activeTracing(): Tracing | undefined {
  return current;
}

/** The OTLP/HTTP traces path under the base endpoint, as the OTLP exporter specification builds it. */
export function tracesUrl(endpoint: string): string {
  return new URL('v1/traces', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).toString();
}
