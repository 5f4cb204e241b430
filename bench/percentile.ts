/** The nearest-rank percentile (0–100) of `values`; NaN when there are none. */
export function percentile(values: number[], rank: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1))]!;
}

/** How many values a p99 pooled, for its label: under 100, the nearest-rank p99 is their max. */
export function pooled(values: number[]): string {
  return `n = ${values.length}${values.length < 100 ? ': the max' : ''}`;
}
