// npm run bench:api: what a user waits for at start-up, and GET /v1/specs/:id under load.
//   BENCH_API_RATE       requests per second on GET /v1/specs/:id (default 200)
//   BENCH_API_SECONDS    how long the load lasts (default 10)
//   BENCH_API_CONNECTIONS  autocannon's connections (default 10)
//   BENCH_HELP_SPAWNS    `node bin/specforge.js --help` spawns, median taken (default 5)
//   BENCH_WORKER_STARTS  worker starts from dist/ and from the sources, median taken (default 2)
// Builds dist/ first (scripts/build.ts), so it measures the current sources.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pino from 'pino';
import { createApp } from '../src/api/create-app';
import { packagePath } from '../src/config/package-root';
import { freeLoopbackPort } from '../src/metrics/free-loopback-port';
import { readSpecStatus } from '../src/runs/read-spec-status';
import { STATUS_FRESH_FOR_MS } from '../src/runs/spec-status-cache';
import { startSpec } from '../src/runs/start-spec';
import { buildDist } from '../scripts/build';
import { startLatencyStack } from './latency-stack';
import { median } from './median';

const RATE = Number(process.env.BENCH_API_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_API_CONNECTIONS ?? 10);
const HELP_SPAWNS = Number(process.env.BENCH_HELP_SPAWNS ?? 5);
const WORKER_STARTS = Number(process.env.BENCH_WORKER_STARTS ?? 2);

const built = performance.now();
await buildDist({ quiet: true });
const buildSeconds = (performance.now() - built) / 1000;

const helpMs = median(Array.from({ length: HELP_SPAWNS }, () => timedSpawn(['bin/specforge.js', '--help'])));
// What every start cost before dist/: tsx compiling the sources (3 spawns at most, each takes seconds).
const helpFromSourcesMs = median(
  Array.from({ length: Math.min(3, HELP_SPAWNS) }, () => timedSpawn(['--import', 'tsx', 'src/cli/main.ts', '--help'])),
);

const port = await freeLoopbackPort();
const stack = await startLatencyStack('api', port, 0);
const address = `127.0.0.1:${port}`;
let server: Server | undefined;
// The dev server, the API and any worker are stopped however the bench ends.
try {
  void stack.worker.run();

  /** Every describe and query the API sends to Temporal, counted where the client sends them. */
  const temporalReads = { describe: 0, query: 0 };
  const service = stack.client.workflowService;
  const describe = service.describeWorkflowExecution.bind(service);
  const query = service.queryWorkflow.bind(service);
  service.describeWorkflowExecution = ((request: Parameters<typeof describe>[0]) => {
    temporalReads.describe += 1;
    return describe(request);
  }) as typeof service.describeWorkflowExecution;
  service.queryWorkflow = ((request: Parameters<typeof query>[0]) => {
    temporalReads.query += 1;
    return query(request);
  }) as typeof service.queryWorkflow;

  const id = await startSpec(stack.client, stack.taskQueue, { feature: 'Add passwordless login with magic links' });
  while ((await readSpecStatus(stack.client, id)).status !== 'awaiting_approval') await sleep(100);

  // One uncached read, as every GET cost before the cache: the sequential describe + query, median of 50.
  const uncachedMs = median(
    await (async () => {
      const times: number[] = [];
      for (let index = 0; index < 50; index += 1) {
        const started = performance.now();
        await readSpecStatus(stack.client, id);
        times.push(performance.now() - started);
      }
      return times;
    })(),
  );

  const app = createApp(
    { client: stack.client, namespace: 'default', taskQueue: stack.taskQueue, store: stack.store },
    pino({ level: 'silent' }),
  );
  const listening = (server = app.listen(0, '127.0.0.1'));
  await new Promise((resolve) => listening.once('listening', resolve));
  const url = `http://127.0.0.1:${(listening.address() as AddressInfo).port}/v1/specs/${id}`;

  const readsBefore = temporalReads.describe;
  const queriesBefore = temporalReads.query;
  // In a worker thread: the load generator must not share the API's event loop.
  const load = await autocannon({ url, connections: CONNECTIONS, overallRate: RATE, duration: SECONDS, workers: 1 });
  const describes = temporalReads.describe - readsBefore;
  const queries = temporalReads.query - queriesBefore;

  const workerFromDist = await workerStartMs(['dist/worker.js']);
  const workerFromSources = await workerStartMs(['--import', 'tsx', 'src/workers/main.ts']);

  const rows: [string, string][] = [
    ['`node bin/specforge.js --help`, median of ' + HELP_SPAWNS, `${helpMs.toFixed(0)} ms`],
    ['`node --import tsx src/cli/main.ts --help` (the sources, as before dist/)', `${helpFromSourcesMs.toFixed(0)} ms`],
    ['worker start (process start → polling), from dist/', `${workerFromDist.toFixed(0)} ms`],
    ['worker start, from the sources (tsx, bundles the workflows)', `${workerFromSources.toFixed(0)} ms`],
    ['`npm run build`', `${buildSeconds.toFixed(1)} s`],
    ['one status read without the cache (describe + query), median of 50', `${uncachedMs.toFixed(1)} ms`],
    [`GET /v1/specs/:id at ${RATE} req/s for ${SECONDS} s: p50 / p90 / p99 / max`, latencyText(load.latency)],
    ['requests/s achieved', load.requests.average.toFixed(0)],
    ['errors (connection errors + timeouts + non-2xx)', String(load.errors + load.timeouts + load.non2xx)],
    ['Temporal reads during the load (describe + query)', `${describes} + ${queries}`],
  ];
  console.log('| measure | value |\n|---|---|');
  for (const [measure, value] of rows) console.log(`| ${measure} | ${value} |`);
  console.log(
    `\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}; ${CONNECTIONS} connections, ` +
      `status fresh for ${STATUS_FRESH_FOR_MS} ms; dev server ${address}.`,
  );
} finally {
  server?.close();
  await stack.close();
}

function latencyText(latency: { p50: number; p90: number; p99: number; max: number }): string {
  return [latency.p50, latency.p90, latency.p99, latency.max].map((ms) => `${ms}`).join(' / ') + ' ms';
}

function timedSpawn(args: string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: packagePath(), stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${result.status}`);
  return performance.now() - started;
}

/** Median time from spawning a worker process until it says it polls, on the bench's dev server. */
async function workerStartMs(args: string[]): Promise<number> {
  const times: number[] = [];
  for (let index = 0; index < WORKER_STARTS; index += 1) {
    const home = await mkdtemp(path.join(os.tmpdir(), 'specforge-bench-worker-'));
    const started = performance.now();
    // Detached: killed as a group (with its webpack or Chromium) however the wait ends.
    const worker = spawn(process.execPath, args, {
      cwd: packagePath(),
      env: {
        ...process.env,
        TEMPORAL_ADDRESS: address,
        TEMPORAL_TASK_QUEUE: `bench-worker-start-${index}`,
        SPECFORGE_HOME: path.join(home, 'home'),
        SPECFORGE_OUT: path.join(home, 'specs'),
      },
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        let output = '';
        worker.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('specforge worker polling')) resolve();
        });
        worker.once('exit', (code) => reject(new Error(`worker ${args.join(' ')} exited with ${code}`)));
        setTimeout(() => reject(new Error(`worker ${args.join(' ')} not polling after 120 s`)), 120_000).unref();
      });
      times.push(performance.now() - started);
    } finally {
      try {
        process.kill(-worker.pid!, 'SIGKILL');
      } catch {
        // It has already gone.
      }
      await rm(home, { recursive: true, force: true });
    }
  }
  return median(times);
}
