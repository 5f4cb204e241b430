import type { SpecWorkerOptions } from '../src/workers/create-worker';

/** What bench/scale.ts passes to each of its worker processes (as JSON in SCALE_WORKER_SETTINGS). */
export interface ScaleWorkerSettings {
  address: string;
  namespace: string;
  taskQueue: string;
  bundlePath: string;
  /** The worker's working files and specs go here. */
  folder: string;
  /** The fake model's latency L. */
  latencyMs: number;
  /** Overrides of the worker's cache and pollers, for the bench's comparison rows. */
  tuning?: SpecWorkerOptions['tuning'];
}

/** What a worker process tells the bench; `at` is epoch milliseconds with sub-millisecond precision. */
export type ScaleWorkerEvent =
  | { kind: 'ready'; at: number }
  | { kind: 'model'; specId: string; phase: string; at: number }
  | { kind: 'gate'; specId: string; phase: string; at: number }
  | { kind: 'finished'; specId: string; status: string; at: number }
  /** The answer to the bench's `loop-delay` message: the worker's event-loop delay since it last asked, in ms. */
  | { kind: 'loop-delay'; p99: number; max: number };
