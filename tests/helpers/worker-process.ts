import { spawn, type ChildProcess } from 'node:child_process';

/** The real worker entry point in its own process, so a test can kill it like a crashed machine. */
export function workerProcesses() {
  const started: ChildProcess[] = [];
  return {
    start(env: Record<string, string>): ChildProcess {
      const worker = spawn(process.execPath, ['--import', 'tsx', 'src/workers/main.ts'], {
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
      started.push(worker);
      return worker;
    },
    killAll: () => started.forEach((worker) => worker.kill('SIGKILL')),
  };
}
