import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { Client, WorkflowFailedError } from '@temporalio/client';
import { createActivities } from '../../src/activities/create-activities';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import { createFileTarget } from '../../src/activities/tickets/file-target';
import type { Generator } from '../../src/activities/llm/generator';
import { dataConverterFor } from '../../src/codec/data-converter';
import { KEY_ID_METADATA } from '../../src/codec/encryption-codec';
import type { EncryptionKey } from '../../src/codec/encryption-keys';
import { listSpecs } from '../../src/runs/list-specs';
import { readSpecStatus } from '../../src/runs/read-spec-status';
import { SPEC_ID_PATTERN } from '../../src/runs/spec-id';
import { startSpec } from '../../src/runs/start-spec';
import { createSpecWorker } from '../../src/workers/create-worker';
import { decideUpdate } from '../../src/workflows/messages';
import { waitForGate } from '../helpers/spec-helpers';
import { createTestStack, type TestStack } from '../helpers/test-stack';
import { waitFor } from '../helpers/wait-for';

const NAMESPACE = 'default';
const METADATA_QUERY = '__temporal_workflow_metadata';

const key = (id: string): EncryptionKey => ({ id, key: randomBytes(32) });
const oldKey = key('old');
const newKey = key('new');

// Unique words, so finding one in a raw read can only mean a leak.
const marker = () => randomBytes(6).toString('hex');
const featureWord = marker();
const feature = `Reconcile ledger ${featureWord} against bank statements`;
const comment = `Split the matching rule ${marker()} by currency`;
const errorText = `model refused ${marker()} politely`;

/** The offline generator, failing requirements from `revision` on with a message of its own. */
function failingRequirements(revision: number): Generator {
  const offline = createOfflineGenerator();
  return {
    provider: offline.provider,
    model: offline.model,
    async generate(definition, context, check, progress) {
      if (definition.name === 'requirements' && context.revision >= revision)
        throw ApplicationFailure.nonRetryable(errorText, 'ModelRefused');
      return offline.generate(definition, context, check, progress);
    },
  };
}

/** Bytes (payload data, metadata) read as the UTF-8 they would be in plain text, so a leak is found. */
function readable(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, name, replaced) {
    const raw = this[name];
    return raw instanceof Uint8Array ? Buffer.from(raw).toString('utf8') : replaced;
  });
}

async function rawHistory(client: Client, workflowId: string) {
  const events = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await client.workflowService.getWorkflowExecutionHistory({
      namespace: NAMESPACE,
      execution: { workflowId },
      nextPageToken,
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return events;
}

/** What the Temporal UI's Current details tab asks, as a client without the codec receives it. */
async function rawMetadataQuery(client: Client, workflowId: string) {
  return client.workflowService.queryWorkflow({
    namespace: NAMESPACE,
    execution: { workflowId },
    query: { queryType: METADATA_QUERY },
  });
}

let stack: TestStack;
/** A client with no codec: what anyone with access to Temporal (or its database) reads. */
let raw: Client;
let id: string;
let summary: string;
let currentDetailsRaw: string;
let currentDetailsDecoded: string;
let failure: unknown;

beforeAll(async () => {
  stack = await createTestStack({ encryptionKeys: [oldKey] });
  raw = new Client({ connection: stack.client.connection });
  id = await stack.start({ feature, gates: 'each' });
  await stack.withWorker(async () => {
    const handle = stack.client.workflow.getHandle(id);
    const status = await waitForGate(stack.client, id, 'requirements');
    summary = status.pendingApproval!.summary;
    currentDetailsRaw = readable(await rawMetadataQuery(raw, id));
    currentDetailsDecoded = readable(await handle.query(METADATA_QUERY));
    await handle.executeUpdate(decideUpdate, {
      args: [{ phase: 'requirements', action: 'request_changes', by: 'reviewer', comment }],
    });
    failure = await handle.result().catch((error: unknown) => error);
  }, failingRequirements(2));
});
afterAll(() => stack.close());

describe('a run with SPECFORGE_ENCRYPTION_KEYS set', () => {
  it('ends on the failed revision, its error readable through the codec', () => {
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(inspect(failure, { depth: 10 })).toContain(errorText);
  });

  it('keeps the feature, the comment, the summary and the error out of the raw history', async () => {
    const events = await rawHistory(raw, id);
    const history = readable(events);
    expect(summary.length).toBeGreaterThan(20);
    for (const secret of [featureWord, comment, summary, errorText]) expect(history).not.toContain(secret);
    // The failure's message and stack moved into an encrypted payload.
    const failed = events.find((event) => event.activityTaskFailedEventAttributes);
    expect(failed?.activityTaskFailedEventAttributes?.failure?.message).toBe('Encoded failure');
    expect(failed?.activityTaskFailedEventAttributes?.failure?.stackTrace).toBe('');
    const closed = events.find((event) => event.workflowExecutionFailedEventAttributes);
    expect(closed?.workflowExecutionFailedEventAttributes?.failure?.message).toBe('Encoded failure');
  });

  it('keeps them out of the raw memo, the static summary and details, and the search attributes', async () => {
    const described = await raw.workflowService.describeWorkflowExecution({
      namespace: NAMESPACE,
      execution: { workflowId: id },
    });
    const text = readable(described);
    for (const secret of [featureWord, comment, summary, errorText]) expect(text).not.toContain(secret);
    expect(Object.keys(described.workflowExecutionInfo?.memo?.fields ?? {})).toContain('status');
    expect(described.executionConfig?.userMetadata?.summary?.metadata?.[KEY_ID_METADATA]).toBeDefined();
    const attributes = Object.keys(described.workflowExecutionInfo?.searchAttributes?.indexedFields ?? {});
    expect(attributes).toContain('SpecStatus');
    expect(attributes).not.toContain('SpecFeature');
  });

  it('names the run without the feature: the id is shown in plain text everywhere', () => {
    expect(id).toMatch(SPEC_ID_PATTERN);
    for (const word of feature.toLowerCase().split(' ')) expect(id).not.toContain(word);
  });

  it('keeps them out of Current details read without the codec, and shows them with it', () => {
    expect(currentDetailsRaw).not.toContain(featureWord);
    expect(currentDetailsRaw).not.toContain(summary);
    expect(currentDetailsDecoded).toContain(feature);
    expect(currentDetailsDecoded).toContain(summary);
  });

  it('reads everything back through the codec: status, memo, summary and list', async () => {
    const status = await readSpecStatus(stack.client, id);
    expect(status.feature).toBe(feature);
    expect(JSON.stringify(status)).toContain(comment);
    const description = await stack.client.workflow.getHandle(id).describe();
    expect(await description.staticSummary()).toContain(feature);
    const listed = await waitFor(async () => {
      const page = await listSpecs(stack.client, NAMESPACE, { limit: 100 });
      return page.items.find((item) => item.id === id && item.status === 'failed');
    }, 'the run in the list');
    expect(listed.feature).toBe(feature);
  });
});

describe('key rotation', () => {
  it('still decodes what the old key wrote once a new key comes first, and encrypts new payloads with the new key', async () => {
    const rotated = await createTestStack({ encryptionKeys: [newKey, oldKey] });
    try {
      const status = await readSpecStatus(rotated.client, id);
      expect(status.feature).toBe(feature);
      const started = await rotated.start({ feature: `Rotated ${feature}`, gates: 'none' });
      const described = await raw.workflowService.describeWorkflowExecution({
        namespace: NAMESPACE,
        execution: { workflowId: started },
      });
      const memo = described.workflowExecutionInfo?.memo?.fields?.request;
      expect(Buffer.from(memo!.metadata![KEY_ID_METADATA]!).toString()).toBe('new');
      await rotated.client.workflow.getHandle(started).terminate('not needed');
    } finally {
      await rotated.close();
    }
  });

  it('tells a client lacking the key which setting to fix', async () => {
    const lacking = await createTestStack({ encryptionKeys: [newKey] });
    try {
      await expect(readSpecStatus(lacking.client, id)).rejects.toThrow(
        /encrypted with key "old", which SPECFORGE_ENCRYPTION_KEYS lacks/,
      );
      // The run list still answers: the run is there, only its feature cannot be read.
      const page = await waitFor(async () => {
        const listed = await listSpecs(lacking.client, NAMESPACE, { limit: 1000 });
        return listed.items.some((item) => item.id === id) ? listed : undefined;
      }, 'the run in the list');
      expect(page.items.find((item) => item.id === id)?.feature).toBe('');
    } finally {
      await lacking.close();
    }
  });
});

describe('a worker that bundles its own workflows (npm start, the standalone worker)', () => {
  it("encrypts the workflow's own failure too: the sandbox takes the failure converter from that bundle", async () => {
    const taskQueue = `encrypted-bundling-${randomBytes(4).toString('hex')}`;
    const { worker, connection } = await createSpecWorker({
      address: inject('temporalAddress'),
      namespace: NAMESPACE,
      taskQueue,
      activities: createActivities({
        generator: failingRequirements(1),
        store: stack.store,
        tickets: { file: createFileTarget(stack.store) },
      }),
      dataConverter: dataConverterFor([oldKey]),
    });
    try {
      const started = await startSpec(stack.client, taskQueue, { feature, gates: 'none' });
      const ended = await worker.runUntil(
        stack.client.workflow
          .getHandle(started)
          .result()
          .catch((error) => error),
      );
      expect(inspect(ended, { depth: 10 })).toContain(errorText);
      const events = await rawHistory(raw, started);
      expect(readable(events)).not.toContain(errorText);
      const closed = events.find((event) => event.workflowExecutionFailedEventAttributes);
      expect(closed?.workflowExecutionFailedEventAttributes?.failure?.message).toBe('Encoded failure');
    } finally {
      await connection.close();
    }
  });
});
