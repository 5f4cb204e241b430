import type { Config } from '../config/load-config';
import { startTracing, type Tracing } from './start-tracing';

/** Starts this process's tracing from OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_SERVICE_NAME; none when no endpoint is set. */
export function tracingFor(config: Config, serviceName: string): Tracing | undefined {
  return startTracing({
    serviceName: config.OTEL_SERVICE_NAME ?? serviceName,
    endpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
}
