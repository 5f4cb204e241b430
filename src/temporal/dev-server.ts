import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

export interface DevServerOptions {
  cli: string;
  port: number;
  /** Omit for a headless server (tests). */
  uiPort?: number;
  /** SQLite file so runs survive restarts; omit for an in-memory server. */
  dbFile?: string;
  /** The codec endpoint the UI decodes payloads through (specforge's /codec); needs uiPort. */
  codecEndpoint?: string;
  startTimeoutMs?: number;
}

export interface DevServer {
  address: string;
  uiUrl?: string;
  /** False when a server was already listening and is reused. */
  started: boolean;
  stop(): Promise<void>;
}

/** A local Temporal dev server with specforge's search attributes; reuses one already listening. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const address = `127.0.0.1:${options.port}`;
  const uiUrl = options.uiPort ? `http://localhost:${options.uiPort}` : undefined;
  if (await isListening(options.port)) return { address, uiUrl, started: false, stop: async () => undefined };
  // The server would die on the taken port with a bind error buried in its log; say which port instead.
  if (options.uiPort && (await isListening(options.uiPort))) {
    throw new Error(
      `Port ${options.uiPort} for the Temporal UI is already in use (another specforge?): set TEMPORAL_UI_PORT to a free port`,
    );
  }
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'error'];
  args.push(...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  if (options.uiPort && options.codecEndpoint) args.push('--ui-codec-endpoint', options.codecEndpoint);
  if (options.dbFile) {
    mkdirSync(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
  }
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  const child = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  // Both streams: the CLI prints some start-up errors (a taken port) on stdout.
  let stderr = '';
  const keep = (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  await waitUntilListening(options.port, child, options.startTimeoutMs ?? 30_000, () => stderr);
  return { address, uiUrl, started: true, stop: () => stopChild(child) };
}

async function waitUntilListening(
  port: number,
  child: ChildProcess,
  timeoutMs: number,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The Temporal dev server exited (${child.exitCode}): ${stderr()}`);
    if (await isListening(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`The Temporal dev server did not listen on ${port} within ${timeoutMs} ms: ${stderr()}`);
}

export function isListening(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
