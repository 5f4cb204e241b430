import { describe, expect, it } from 'vitest';
import { mergeExpositions } from '../../src/metrics/prometheus-text';

const process = [
  '# HELP process_cpu_seconds_total CPU time',
  '# TYPE process_cpu_seconds_total counter',
  'process_cpu_seconds_total 1.5',
  '',
].join('\n');
const runtime = [
  '# HELP temporal_request_latency Histogram of client request latencies',
  '# TYPE temporal_request_latency histogram',
  'temporal_request_latency_bucket{operation="StartWorkflowExecution",le="0.05"} 1',
  'temporal_request_latency_bucket{operation="StartWorkflowExecution",le="+Inf"} 2',
  'temporal_request_latency_sum{operation="StartWorkflowExecution"} 0.3',
  'temporal_request_latency_count{operation="StartWorkflowExecution"} 2',
  '# HELP process_cpu_seconds_total CPU time of another exporter',
  '# TYPE process_cpu_seconds_total counter',
  'process_cpu_seconds_total 99',
  '',
].join('\n');

describe('merging expositions', () => {
  it('keeps every family once, from the first source that names it', () => {
    const merged = mergeExpositions([process, runtime]);
    expect(merged.match(/^# TYPE process_cpu_seconds_total/gm)).toHaveLength(1);
    expect(merged.match(/^# HELP process_cpu_seconds_total/gm)).toHaveLength(1);
    expect(merged).toContain('process_cpu_seconds_total 1.5');
    expect(merged).not.toContain('process_cpu_seconds_total 99');
  });

  it("keeps a histogram's buckets, sum and count with their family", () => {
    const merged = mergeExpositions([process, runtime]);
    expect(merged).toContain(runtime.split('# HELP process_cpu_seconds_total')[0]);
  });

  it('gives nothing for nothing, and ends a non-empty exposition with a newline', () => {
    expect(mergeExpositions(['', ''])).toBe('');
    expect(mergeExpositions([process]).endsWith('\n')).toBe(true);
  });
});
