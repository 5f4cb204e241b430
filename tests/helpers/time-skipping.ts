import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Client } from '@temporalio/client';
import proto from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createActivities } from '../../src/activities/create-activities';
import type { Generator } from '../../src/activities/llm/generator';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import { createFileTarget } from '../../src/activities/tickets/file-target';
import { startSpec } from '../../src/runs/start-spec';
import { workerInterceptors, workerSinks } from '../../src/workers/worker-interceptors';
import type { SpecRequest } from '../../src/shared/spec-run';
import { SEARCH_ATTRIBUTES } from '../../src/workflows/search-attributes';
import { quietRuntime } from './quiet-runtime';

const INSTALL_SCRIPT = fileURLToPath(new URL('../../scripts/temporal-test-server.sh', import.meta.url));
const { IndexedValueType } = proto.temporal.api.enums.v1;
const INDEXED_VALUE_TYPES = {
  Keyword: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  Text: IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
};

export type TestServerLookup = { found: true; path: string } | { found: false; reason: string };

/**
 * Where the Java time-skipping test server's wrapper is, asking the install script (which knows
 * the version and cache folder) without installing anything.
 */
export function findTimeSkippingServer(): TestServerLookup {
  try {
    const found = execFileSync('bash', [INSTALL_SCRIPT, '--check'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
    return { found: true, path: found };
  } catch (error) {
    const said = (error as { stderr?: string }).stderr?.trim();
    return { found: false, reason: `Temporal's time-skipping test server is not installed (${said || String(error)})` };
  }
}

/**
 * Why time-skipping tests cannot run here, or undefined when they can. On CI a missing server is
 * an error, not a skip: a skipped test there would hide a missing install step.
 */
export function timeSkippingUnavailable(): string | undefined {
  const lookup = findTimeSkippingServer();
  if (lookup.found) return undefined;
  if (process.env.CI) throw new Error(lookup.reason);
  console.warn(`Skipping the time-skipping tests: ${lookup.reason}`);
  return lookup.reason;
}

/** A TestWorkflowEnvironment on the Java test server, which skips time while runs only wait. */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const lookup = findTimeSkippingServer();
  if (!lookup.found) throw new Error(lookup.reason);
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: lookup.path } },
  });
  // The test server refuses runs with unregistered search attributes, and lacks the
  // ListSearchAttributes call that registerSearchAttributes starts with: add them directly.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      Object.entries(SEARCH_ATTRIBUTES).map(([name, type]) => [name, INDEXED_VALUE_TYPES[type]]),
    ),
  });
  return env;
}

export interface WorkerSetup {
  generator?: Generator;
  /** SPECFORGE_WEBHOOK_URL for the worker's notify activity; unset: events go nowhere. */
  webhookUrl?: string;
}

export interface TimeSkippingStack {
  env: TestWorkflowEnvironment;
  /** Awaiting a run's result through this client skips time. */
  client: Client;
  taskQueue: string;
  store: ArtifactStore;
  start(request: SpecRequest): Promise<string>;
  /** Runs a worker with the real workflow bundle and activities until `work` settles. */
  withWorker<T>(work: () => Promise<T>, setup?: WorkerSetup): Promise<T>;
  close(): Promise<void>;
}

/**
 * The time-skipping twin of createTestStack: its own test server, task queue and folders. Make
 * one per test: the test server never releases its time-skipping lock for an activity still in
 * flight when a run closes (sdk-java issue 1138), and every later timer on that server would wait
 * in real time.
 */
export async function createTimeSkippingStack(): Promise<TimeSkippingStack> {
  const env = await createTimeSkippingEnvironment();
  const taskQueue = `time-skipping-${randomUUID()}`;
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-time-skipping-'));
  const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
  let running: { worker: Worker; done: Promise<unknown> } | undefined;
  return {
    env,
    client: env.client,
    taskQueue,
    store,
    start: (request) => startSpec(env.client, taskQueue, request),
    async withWorker(work, setup = {}) {
      const worker = await Worker.create({
        connection: env.nativeConnection,
        taskQueue,
        workflowBundle: { codePath: inject('workflowBundlePath') },
        interceptors: workerInterceptors(),
        sinks: workerSinks(),
        activities: createActivities({
          generator: setup.generator ?? createOfflineGenerator(),
          store,
          tickets: { file: createFileTarget(store) },
          webhook: { url: setup.webhookUrl, publicUrl: 'http://127.0.0.1:3000' },
        }),
      });
      const done = worker.runUntil(work);
      running = { worker, done };
      try {
        return await done;
      } finally {
        running = undefined;
      }
    },
    async close() {
      // A test that timed out leaves its worker polling; the server cannot be stopped under it.
      if (running?.worker.getState() === 'RUNNING') running.worker.shutdown();
      await running?.done.catch(() => undefined);
      await env.teardown();
      await rm(root, { recursive: true, force: true });
    },
  };
}
