import { trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { activeTracing, startTracing, tracesUrl } from '../../src/telemetry/start-tracing';
import { tracingFor } from '../../src/telemetry/tracing-for-config';
import { startFakeOtlpCollector } from '../fakes/fake-otlp-collector';

afterEach(async () => {
  await activeTracing()?.shutdown();
});

describe('tracing', () => {
  it('records nothing when OTEL_EXPORTER_OTLP_ENDPOINT is unset: the OpenTelemetry API stays a no-op', () => {
    expect(tracingFor(loadConfig({}), 'specforge')).toBeUndefined();
    const span = trace.getTracer('test').startSpan('nothing');
    expect(span.isRecording()).toBe(false);
    span.end();
  });

  it('sends spans over OTLP/HTTP to <endpoint>/v1/traces, with the service name, and flushes them on shutdown', async () => {
    const collector = await startFakeOtlpCollector();
    try {
      const tracing = tracingFor(
        loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, OTEL_SERVICE_NAME: 'specforge-blue' }),
        'specforge-worker',
      );
      trace.getTracer('test').startSpan('RunActivity:generateRequirements').end();
      // Batched: nothing has to be sent before the shutdown that flushes.
      await tracing?.shutdown();
      expect(collector.received).toHaveLength(1);
      const [sent] = collector.received;
      expect(sent?.path).toBe('/v1/traces');
      const resourceSpans = sent?.body.resourceSpans[0];
      expect(resourceSpans.resource.attributes).toContainEqual({
        key: 'service.name',
        value: { stringValue: 'specforge-blue' },
      });
      expect(resourceSpans.scopeSpans[0].spans[0].name).toBe('RunActivity:generateRequirements');
    } finally {
      await collector.close();
    }
  });

  it('refuses an endpoint that is not a URL, naming the variable', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(/OTEL_EXPORTER_OTLP_ENDPOINT/);
  });

  it('is one provider per process: the API and the worker in one process share it', () => {
    const first = startTracing({ serviceName: 'specforge', endpoint: 'http://127.0.0.1:4318' });
    expect(startTracing({ serviceName: 'specforge-worker', endpoint: 'http://127.0.0.1:4318' })).toBe(first);
  });

  it('builds the traces URL under the base endpoint, as the OTLP exporter specification does', () => {
    expect(tracesUrl('http://collector:4318')).toBe('http://collector:4318/v1/traces');
    expect(tracesUrl('http://collector:4318/')).toBe('http://collector:4318/v1/traces');
    expect(tracesUrl('https://otel.example.com/otlp')).toBe('https://otel.example.com/otlp/v1/traces');
  });
});
