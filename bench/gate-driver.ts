import type { Client } from '@temporalio/client';
import { decideUpdate } from '../src/workflows/messages';
import type { ScaleWorkerEvent } from './scale-worker-settings';

const DEADLINE_EXCEEDED = 4; // gRPC status code
/** `until()` fails when the workers reported nothing for this long: a run failed or a worker hangs. */
const STALL_MS = Number(process.env.SCALE_STALL_MS ?? 300_000);

export interface RunTrace {
  /** When each gate opened (epoch ms), in order. */
  gates: number[];
  /** When each approval was sent. */
  decisions: number[];
  /** When each model call started. */
  models: number[];
  finished?: number;
}

/**
 * The reviewers of bench/scale.ts: they approve every gate as its worker reports it open, at most
 * `approvers` at once, unless held (then gates wait until `release()`). Everything is timed from
 * the workers' reports, so no run is ever queried.
 */
export function createGateDriver(client: Client, approvers: number) {
  const runs = new Map<string, RunTrace>();
  const waiting: { specId: string; phase: string; again?: boolean }[] = [];
  const watchers = new Set<() => void>();
  let held = false;
  let sending = 0;
  let failures = 0;
  let retries = 0;
  let firstDecision: number | undefined;
  let failure: Error | undefined;
  let lastEvent = performance.now();

  const traceOf = (specId: string) => {
    let trace = runs.get(specId);
    if (!trace) runs.set(specId, (trace = { gates: [], decisions: [], models: [] }));
    return trace;
  };
  const changed = () => watchers.forEach((watcher) => watcher());

  function pump(): void {
    while (!held && sending < approvers && waiting.length > 0) {
      const { specId, phase, again } = waiting.shift()!;
      sending += 1;
      const sent = performance.timeOrigin + performance.now();
      firstDecision ??= sent;
      // A decision sent again keeps the time it was first sent: the reviewer clicked then.
      if (!again) traceOf(specId).decisions.push(sent);
      client.workflow
        .getHandle(specId)
        .executeUpdate(decideUpdate, { args: [{ phase: phase as never, action: 'approve', by: 'bench' }] })
        .catch((error: Error & { code?: number }) => {
          // The server gave up waiting for a busy worker before the run took the update: send it again.
          if (error.code === DEADLINE_EXCEEDED || /deadline exceeded/i.test(error.message)) {
            retries += 1;
            waiting.push({ specId, phase, again: true });
            return;
          }
          failures += 1;
          console.error(`approving ${phase} of ${specId} failed: ${error.message}`);
        })
        .finally(() => {
          sending -= 1;
          pump();
        });
    }
  }

  return {
    hold: () => (held = true),
    release() {
      held = false;
      pump();
    },
    receive(event: ScaleWorkerEvent): void {
      if (event.kind === 'ready' || event.kind === 'loop-delay') return;
      lastEvent = performance.now();
      const trace = traceOf(event.specId);
      if (event.kind === 'model') trace.models.push(event.at);
      if (event.kind === 'finished') trace.finished = event.at;
      if (event.kind === 'gate') {
        trace.gates.push(event.at);
        waiting.push({ specId: event.specId, phase: event.phase });
        pump();
      }
      changed();
    },
    /** Fails every `until()`, now and later: a worker exited. */
    fail(error: Error): void {
      failure = error;
      changed();
    },
    /** Resolves once `check` holds over the runs seen so far; fails after `fail()` or STALL_MS without news. */
    until(check: (runs: RunTrace[]) => boolean): Promise<void> {
      const called = performance.now();
      return new Promise((resolve, reject) => {
        const finish = (error?: Error) => {
          watchers.delete(watcher);
          clearInterval(stalled);
          if (error) reject(error);
          else resolve();
        };
        const watcher = () => {
          if (failure) finish(failure);
          else if (check([...runs.values()])) finish();
        };
        const stalled = setInterval(() => {
          if (performance.now() - Math.max(lastEvent, called) > STALL_MS)
            finish(new Error(`No run moved for ${STALL_MS / 1000} s`));
        }, 1000);
        watchers.add(watcher);
        watcher();
      });
    },
    runs: () => [...runs.values()],
    firstDecision: () => firstDecision,
    failures: () => failures,
    /** Approvals sent again after the server's deadline passed. */
    retries: () => retries,
  };
}

/** Per approval followed by a model call: decision sent → the next phase's model call started, in ms. */
export function gateLatencies(runs: RunTrace[]): number[] {
  return runs.flatMap(({ decisions, models }) =>
    decisions.flatMap((sent, index) => {
      const next = decisions[index + 1] ?? Infinity;
      const started = models.find((at) => at >= sent && at < next);
      return started === undefined ? [] : [started - sent];
    }),
  );
}
