import { readdirSync, readFileSync } from 'node:fs';

const MIB = 1024 * 1024;

/** A process's resident set (VmRSS of /proc/<pid>/status) in MiB; 0 once it has exited. */
export function rssMiB(pid: number): number {
  try {
    const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kilobytes ? (Number(kilobytes) * 1024) / MIB : 0;
  } catch {
    return 0;
  }
}

/** This process's children whose command is `name` (the dev server the bench started). */
export function childrenNamed(name: string): number[] {
  const children = readFileSync(`/proc/${process.pid}/task/${process.pid}/children`, 'utf8')
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  return children.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === name;
    } catch {
      return false;
    }
  });
}

/** Every process `pid` spawned, and theirs (e.g. the Chromium specforge renders with), read from /proc. */
export function descendants(pid: number): number[] {
  let children: number[];
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((task) =>
      readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return []; // It exited meanwhile.
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

/** Samples the processes' RSS every `everyMs`; `peak()` is the highest sum seen since the last `reset()`. */
export function sampleRss(pids: () => number[], everyMs = 200) {
  let peak = 0;
  const now = () => pids().reduce((sum, pid) => sum + rssMiB(pid), 0);
  const timer = setInterval(() => (peak = Math.max(peak, now())), everyMs);
  timer.unref();
  return {
    now,
    peak: () => Math.max(peak, now()),
    reset: () => (peak = now()),
    stop: () => clearInterval(timer),
  };
}
