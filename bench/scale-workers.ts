import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { ScaleWorkerEvent, ScaleWorkerSettings } from './scale-worker-settings';

/**
 * `count` bench workers (bench/scale-worker.ts), each its own process on one task queue, ready to poll.
 * `crashed` hears of a worker that exits before `stop()`: the bench must fail, not wait for its runs.
 */
export async function startScaleWorkers(
  count: number,
  settings: ScaleWorkerSettings,
  listen: (event: ScaleWorkerEvent) => void,
  crashed: (error: Error) => void,
) {
  let stopping = false;
  const started: ChildProcess[] = Array.from({ length: count }, () =>
    spawn(process.execPath, ['--import', 'tsx', 'bench/scale-worker.ts'], {
      env: { ...process.env, SCALE_WORKER_SETTINGS: JSON.stringify(settings) },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const ready = Promise.all(
    started.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          worker.once('exit', (code) => {
            const error = new Error(`A bench worker exited (${code})`);
            reject(error); // Before it was ready: no effect after.
            if (!stopping) crashed(error);
          });
          worker.on('message', (event: ScaleWorkerEvent) => {
            if (event.kind === 'ready') resolve();
            else if (event.kind !== 'loop-delay') listen(event);
          });
        }),
    ),
  );
  const workers = {
    pids: () => started.map((worker) => worker.pid!),
    /** Each worker's event-loop delay p99 and max (ms) since the last call. */
    loopDelays(): Promise<{ p99: number; max: number }[]> {
      return Promise.all(
        started.map(
          (worker) =>
            new Promise<{ p99: number; max: number }>((resolve) => {
              const answer = (event: ScaleWorkerEvent) => {
                if (event.kind !== 'loop-delay') return;
                worker.off('message', answer);
                resolve(event);
              };
              worker.on('message', answer);
              worker.send('loop-delay');
            }),
        ),
      );
    },
    async stop(): Promise<void> {
      stopping = true;
      await Promise.all(
        started.map(async (worker) => {
          if (worker.exitCode !== null || worker.signalCode !== null) return;
          const exited = once(worker, 'exit');
          worker.kill('SIGTERM');
          const timer = setTimeout(() => worker.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
  try {
    await ready;
  } catch (error) {
    await workers.stop();
    throw error;
  }
  return workers;
}
