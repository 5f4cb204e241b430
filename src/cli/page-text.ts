import { spawn } from 'node:child_process';

export interface PagedOutput {
  isTTY?: boolean;
  rows?: number;
  columns?: number;
  write(text: string): unknown;
}

/**
 * Writes text, through $PAGER (or `less -R`) when it is longer than the terminal and the output
 * is a TTY; a pager that cannot start falls back to plain output.
 */
export async function pageText(
  text: string,
  output: PagedOutput = process.stdout,
  pager = process.env.PAGER || 'less -R',
): Promise<void> {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  if (!output.isTTY || screenLines(body, output.columns ?? 80) < (output.rows ?? 24) - 1) {
    output.write(body);
    return;
  }
  const shown = await runPager(pager, body);
  if (!shown) output.write(body);
}

function screenLines(text: string, columns: number): number {
  // Colour sequences take no room on screen.
  const plain = text.replace(/\u001b\[[0-9;]*m/g, '');
  return plain.split('\n').reduce((total, line) => total + Math.max(1, Math.ceil(line.length / columns)), 0) - 1;
}

function runPager(pager: string, text: string): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(pager, { shell: true, stdio: ['pipe', 'inherit', 'inherit'] });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code !== 127));
    // The reader may quit before reading everything: that is not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}
