import { register, type Metric } from 'prom-client';

/**
 * The metric of this name on prom-client's default registry (the one `/metrics` serves), made on
 * first use: a module loaded twice in one process (tests, tsx) must not register a name twice.
 */
export function registeredMetric<T extends Metric>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}
