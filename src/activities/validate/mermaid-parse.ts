import { Worker } from 'node:worker_threads';
import { packagePath } from '../../config/package-root';
import type { ValidationResult } from './validation-result';

let thread: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let lastId = 0;
// An idle thread is ended: an unref'd thread still kept the process alive under tsx's loader.
const IDLE_MS = 2_000;
const pending = new Map<number, (reply: { ok: boolean; error?: string }) => void>();

function parserThread(): Worker {
  if (thread) return thread;
  const started = new Worker(packagePath('src', 'activities', 'validate', 'mermaid-parse-thread.mjs'));
  started.unref();
  started.on('message', ({ id, ...reply }: { id: number; ok: boolean; error?: string }) => {
    pending.get(id)?.(reply);
    pending.delete(id);
  });
  started.on('error', (error) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: `Mermaid parser crashed: ${error.message}` });
    pending.clear();
    thread = undefined;
  });
  thread = started;
  return started;
}

function parseOne(text: string): Promise<{ ok: boolean; error?: string }> {
  const id = ++lastId;
  clearTimeout(idleTimer);
  return new Promise<{ ok: boolean; error?: string }>((resolve) => {
    pending.set(id, resolve);
    parserThread().postMessage({ id, text });
  }).finally(() => {
    if (pending.size > 0) return;
    idleTimer = setTimeout(() => {
      void thread?.terminate();
      thread = undefined;
    }, IDLE_MS).unref();
  });
}

/** Parses each diagram with Mermaid itself; a diagram that parses here renders in GitHub and the UI. */
export async function parseMermaid(diagrams: { name: string; text: string }[]): Promise<ValidationResult> {
  const errors: string[] = [];
  for (const diagram of diagrams) {
    const reply = await parseOne(diagram.text);
    if (!reply.ok) errors.push(`${diagram.name}: ${(reply.error ?? '').split('\n').slice(0, 4).join(' ')}`);
  }
  return { validator: 'mermaid.parse', valid: errors.length === 0, errors };
}

/** Ends the parser thread now rather than after its idle time (CLI exit). */
export async function closeMermaidParser(): Promise<void> {
  clearTimeout(idleTimer);
  await thread?.terminate();
  thread = undefined;
}

/** The bodies of the ```mermaid blocks in a Markdown document. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]!);
}
