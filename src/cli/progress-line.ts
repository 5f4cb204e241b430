export interface ProgressOutput {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** What runs now: a phase (or the render step), since when, and how its model calls go. */
export interface Progress {
  label: string;
  startedAt: number;
  /** 1 for the first repair of an invalid answer, 2 for the second. */
  repair?: number;
  /** Temporal's retry of the whole activity, above 1 after a failure. */
  retry?: number;
}

/**
 * The "phase running" line: rewritten in place with elapsed seconds on a TTY; elsewhere (logs,
 * pipes) one plain line each time something other than the seconds changes.
 */
export class ProgressLine {
  private onScreen = false;
  private lastPlain = '';

  constructor(
    private readonly output: ProgressOutput,
    private readonly now: () => number = Date.now,
  ) {}

  show(progress: Progress): void {
    const detail = [
      progress.repair ? `repair attempt ${progress.repair}` : '',
      progress.retry && progress.retry > 1 ? `retry ${progress.retry - 1}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    if (!this.output.isTTY) {
      const plain = `… ${progress.label}${detail ? `: ${detail}` : ''}\n`;
      if (plain !== this.lastPlain) this.output.write(plain);
      this.lastPlain = plain;
      return;
    }
    const seconds = Math.max(0, Math.floor((this.now() - progress.startedAt) / 1000));
    this.output.write(`\r\u001b[2K… ${progress.label}  ${seconds} s${detail ? `  ${detail}` : ''}`);
    this.onScreen = true;
  }

  /** A permanent line, printed above where the progress line was. */
  log(line: string): void {
    this.clear();
    this.output.write(`${line}\n`);
  }

  clear(): void {
    if (this.onScreen) this.output.write('\r\u001b[2K');
    this.onScreen = false;
  }
}
