import { spawn, type ChildProcess } from 'node:child_process';

/** The worker's entry point for docker images; the cluster tests run the CLI's: `node bin/specforge.js worker`. */
const WORKER_ENTRY = ['--import', 'tsx', 'src/workers/main.ts'];

/** The real worker entry point in its own process, so a test can kill it like a crashed machine. */
export function workerProcesses(entry: readonly string[] = WORKER_ENTRY) {
  const started: ChildProcess[] = [];
  return {
    start(env: Record<string, string>): ChildProcess {
      const worker = spawn(process.execPath, entry, {
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
      started.push(worker);
      return worker;
    },
    killAll: () => started.forEach((worker) => worker.kill('SIGKILL')),
  };
}
