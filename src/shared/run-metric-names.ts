/**
 * The run's metric families, recorded by the workflow through Temporal's metric meter. The worker
 * runtime's Prometheus exporter shows them under these names (its `temporal_` prefix is for its own
 * metrics only); it runs with `countersTotalSuffix` (src/metrics/runtime-metrics.ts), which adds
 * `_total` to the counter: `specforge_phases` is scraped as `specforge_phases_total`.
 */
export const RUN_METRIC = {
  gateWait: 'specforge_gate_wait_seconds',
  phases: 'specforge_phases',
  revisions: 'specforge_phase_revisions',
} as const;

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Bucket bounds for the runtime's `histogramBucketOverrides`: its default buckets (50 to 10,000)
 * are made for milliseconds, while a gate waits minutes to days and a phase has a few revisions.
 */
export const RUN_METRIC_BUCKETS: Record<string, number[]> = {
  [RUN_METRIC.gateWait]: [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 4 * HOUR, 8 * HOUR, DAY, 2 * DAY, 3 * DAY, 7 * DAY],
  [RUN_METRIC.revisions]: [1, 2, 3, 4, 5, 8],
};
