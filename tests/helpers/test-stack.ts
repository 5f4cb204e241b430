import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { inject } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createActivities, type ActivityDependencies } from '../../src/activities/create-activities';
import type { Generator } from '../../src/activities/llm/generator';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import { createFileTarget } from '../../src/activities/tickets/file-target';
import type { TicketTarget } from '../../src/activities/tickets/ticket-target';
import { dataConverterFor } from '../../src/codec/data-converter';
import type { EncryptionKey } from '../../src/codec/encryption-keys';
import { startSpec } from '../../src/runs/start-spec';
import { tracingClientInterceptors } from '../../src/telemetry/temporal-tracing-interceptors';
import { workerInterceptors, workerSinks } from '../../src/workers/worker-interceptors';
import type { SpecRequest } from '../../src/shared/spec-run';
import { quietRuntime } from './quiet-runtime';

export interface TestStack {
  client: Client;
  taskQueue: string;
  store: ArtifactStore;
  outDir: string;
  /** Shared by this stack's workers and API servers, as SPECFORGE_DECISION_KEY is in a deployment. */
  decisionKey: string;
  start(request: SpecRequest): Promise<string>;
  /** Runs a worker until `work` settles; `extra` adds a webhook or another decision key. */
  withWorker<T>(
    work: () => Promise<T>,
    generator?: Generator,
    tickets?: Partial<Record<TicketTarget['name'], TicketTarget>>,
    extra?: Pick<ActivityDependencies, 'webhook' | 'decisionKey'>,
  ): Promise<T>;
  close(): Promise<void>;
}

export interface TestStackOptions {
  /** SPECFORGE_ENCRYPTION_KEYS: the stack's client and workers encrypt payloads and failures. */
  encryptionKeys?: EncryptionKey[];
  /** Another Temporal server than the suite's shared one (a test's own dev server with its UI). */
  address?: string;
}

/** A client on the shared dev server, its own task queue and folders, and workers on demand. */
export async function createTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  quietRuntime();
  const address = options.address ?? inject('temporalAddress');
  const connection = await Connection.connect({ address });
  const dataConverter = dataConverterFor(options.encryptionKeys);
  const client = new Client({ connection, interceptors: tracingClientInterceptors(), dataConverter });
  // The workflow sandbox takes its failure converter from the bundle, never from the worker's options.
  const bundlePath = inject(options.encryptionKeys ? 'encryptingWorkflowBundlePath' : 'workflowBundlePath');
  const taskQueue = `test-${randomUUID()}`;
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-test-'));
  const outDir = path.join(root, 'specs');
  const store = new ArtifactStore(path.join(root, 'home'), outDir);
  const workerConnection = await NativeConnection.connect({ address });
  const decisionKey = randomBytes(32).toString('base64url');
  return {
    client,
    taskQueue,
    store,
    outDir,
    decisionKey,
    start: (request) => startSpec(client, taskQueue, request),
    async withWorker(work, generator = createOfflineGenerator(), tickets = {}, extra = {}) {
      const worker = await Worker.create({
        connection: workerConnection,
        taskQueue,
        workflowBundle: { codePath: bundlePath },
        interceptors: workerInterceptors(),
        dataConverter,
        sinks: workerSinks(),
        activities: createActivities({
          generator,
          store,
          tickets: { file: createFileTarget(store), ...tickets },
          decisionKey,
          ...extra,
        }),
      });
      return worker.runUntil(work);
    },
    async close() {
      await workerConnection.close();
      await connection.close();
    },
  };
}
