import { Counter, register, type CounterConfiguration } from 'prom-client';

/**
 * The counter of this name on prom-client's default registry (the one `/metrics` serves), made on
 * first use: a module loaded twice in one process (tests, tsx) must not register a name twice.
 */
export function registeredCounter<Label extends string>(configuration: CounterConfiguration<Label>): Counter<Label> {
  return (register.getSingleMetric(configuration.name) as Counter<Label> | undefined) ?? new Counter(configuration);
}
