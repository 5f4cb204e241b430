import type { TelemetryOptions } from '@temporalio/worker';
import { RUN_METRIC_BUCKETS } from '../shared/run-metric-names';
import { freeLoopbackPort } from './free-loopback-port';

/** How long a scrape waits for the runtime's own exporter (on this machine) before leaving its families out. */
const RUNTIME_READ_TIMEOUT_MS = 1_000;

let runtimeMetricsUrl: string | undefined;

/**
 * Telemetry options for `Runtime.install` that make Temporal's core export its metrics (task slots,
 * poll latency, schedule-to-start, and the workflows' own `metricMeter` metrics) in Prometheus
 * format on a free loopback port, which `/metrics` reads and appends. Counters end in `_total` and
 * durations are in seconds, as Prometheus conventions (and the alert rules) expect.
 */
export async function runtimeMetricsTelemetry(): Promise<TelemetryOptions> {
  const bindAddress = `127.0.0.1:${await freeLoopbackPort()}`;
  runtimeMetricsUrl = `http://${bindAddress}/metrics`;
  return {
    metrics: {
      prometheus: {
        bindAddress,
        countersTotalSuffix: true,
        useSecondsForDurations: true,
        // The workflows' gate-wait and revision histograms need buckets in minutes to days and counts.
        histogramBucketOverrides: RUN_METRIC_BUCKETS,
      },
    },
  };
}

/** The runtime's exposition, or nothing when this process's runtime exports none or does not answer in time. */
export async function readRuntimeMetrics(): Promise<string> {
  if (!runtimeMetricsUrl) return '';
  try {
    const response = await fetch(runtimeMetricsUrl, { signal: AbortSignal.timeout(RUNTIME_READ_TIMEOUT_MS) });
    return response.ok ? await response.text() : '';
  } catch {
    // The process's own families still go out; the missing temporal_* series are what an alert sees.
    return '';
  }
}
