import { collectDefaultMetrics, register, type Registry } from 'prom-client';
import { mergeExpositions } from './prometheus-text';
import { readRuntimeMetrics } from './runtime-metrics';

let processMetricsCollected = false;

/**
 * What `/metrics` (the API) and the worker's metrics port serve: prom-client's default registry
 * (the run, model and ticket families, and the process's CPU, memory and event loop), `own`
 * registries (the API's request and runs-waiting families), then the Temporal runtime's families.
 */
export async function metricsExposition(own: readonly Registry[] = []): Promise<string> {
  if (!processMetricsCollected) {
    collectDefaultMetrics();
    processMetricsCollected = true;
  }
  const texts = await Promise.all([
    register.metrics(),
    ...own.map((registry) => registry.metrics()),
    readRuntimeMetrics(),
  ]);
  return mergeExpositions(texts);
}
