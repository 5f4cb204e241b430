import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { WorkflowFailedError } from '@temporalio/client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import { PHASES } from '../../src/shared/phases';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import {
  isRepair,
  llamaCppPythonModel,
  schemaRandomModel,
  startFakeOpenAI,
  validAnswer,
  type ChatRequest,
  type FakeReply,
  type RecordedRequest,
} from '../fakes/fake-openai';
import { createTestStack, type TestStack } from '../helpers/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await createTestStack();
});
afterAll(() => stack.close());
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function modelServer(script: (body: ChatRequest, index: number) => FakeReply) {
  const fake = await startFakeOpenAI(script);
  closers.push(fake.close);
  const generator = createOpenAIGenerator({
    apiKey: 'sk-test-not-a-real-key',
    baseURL: fake.baseURL,
    model: 'fake-model',
    timeoutMs: 60_000,
  });
  return { fake, generator };
}

async function runUnattended(
  feature: string,
  generator: ReturnType<typeof createOpenAIGenerator>,
  options: { phaseActivityTimeoutMs?: number } = {},
) {
  const id = await stack.start({ feature, gates: 'none', ...options });
  const result = await stack.withWorker(
    () =>
      stack.client.workflow
        .getHandle(id)
        .result()
        .then(
          (status: SpecRunStatus) => status,
          (error: unknown) => error,
        ),
    generator,
  );
  return { id, result };
}

async function reportOf(specId: string, slug: string) {
  return JSON.parse(await readFile(path.join(stack.store.packDir({ specId, slug }), `report_${slug}.json`), 'utf8'));
}

const repairsPerPhase = (requests: RecordedRequest[]) =>
  Object.fromEntries(
    PHASES.map((phase) => [
      phase,
      requests.filter((request) => request.phase === phase && isRepair(request.body)).length,
    ]),
  );

describe('runs against model servers', () => {
  it('completes against a model that answers random instances of the sent schema, with no answer refused by the schema', async () => {
    const model = schemaRandomModel();
    const { fake, generator } = await modelServer(model.reply);
    const { result } = await runUnattended('Let teams export invoices as CSV', generator);
    expect((result as SpecRunStatus).status).toBe('completed');
    expect(new Set(model.answers.map((answer) => answer.phase))).toEqual(new Set(PHASES));
    expect(model.answers.filter((answer) => answer.schemaErrors.length > 0)).toEqual([]);
    // Every request gets an answer, so a repair request follows the answer just before it.
    const repairsCausedBySchema = fake.requests.filter(
      (request, index) => isRepair(request.body) && model.answers[index - 1]!.schemaErrors.length > 0,
    );
    expect(repairsCausedBySchema).toEqual([]);
    console.info(
      `schema-random run: repair requests per phase ${JSON.stringify(repairsPerPhase(fake.requests))}, none caused by the schema`,
    );
  });

  it('completes against a server like llama-cpp-python, in JSON mode with the schema, after the server refuses json_schema once', async () => {
    const model = llamaCppPythonModel();
    const { fake, generator } = await modelServer(model.reply);
    const { result } = await runUnattended('Schedule weekly usage reports by email', generator);
    expect((result as SpecRunStatus).status).toBe('completed');
    const formats = fake.requests.map((request) => request.body.response_format?.type);
    // Strict, then non-strict json_schema, once for the server: every later request is JSON mode.
    expect(formats.slice(0, 3)).toEqual(['json_schema', 'json_schema', 'json_object']);
    expect(formats.slice(3).every((format) => format === 'json_object')).toBe(true);
    expect(model.answers.filter((answer) => answer.schemaErrors.length > 0)).toEqual([]);
  });

  it('reports a failed run: the phase, the error, and the tokens its failed attempts spent', async () => {
    const { fake, generator } = await modelServer(() => ({
      kind: 'content',
      text: JSON.stringify({ summary: 'Only a summary' }),
    }));
    const feature = 'Archive closed support tickets';
    const { id, result } = await runUnattended(feature, generator);
    expect(result).toBeInstanceOf(WorkflowFailedError);
    const report = await reportOf(id, 'archive-closed-support-tickets');
    expect(report.status).toBe('failed');
    expect(report.phases).toEqual([]);
    expect(report.failure).toMatchObject({ phase: 'requirements', revision: 1 });
    expect(report.failure.error).toMatch(/still invalid after 2 repairs/);
    expect(fake.requests).toHaveLength(3);
    expect(report.failure.usage.input).toBeGreaterThan(0);
    expect(report.failure.usage.output).toBeGreaterThan(0);
    expect(report.usage).toEqual(report.failure.usage);
  });

  it('keeps a phase alive while the model takes longer than the heartbeat timeout, and gives phases the timeout the run was started with', async () => {
    const { fake, generator } = await modelServer((body, index) => ({
      kind: 'content',
      text: validAnswer(body),
      delayMs: index === 0 ? 25_000 : 0,
    }));
    const { id, result } = await runUnattended('Let admins rename workspaces', generator, {
      phaseActivityTimeoutMs: 1_560_000,
    });
    expect((result as SpecRunStatus).status).toBe('completed');
    // One request for requirements: the slow answer was not cut off and retried.
    expect(fake.requests.filter((request) => request.phase === 'requirements')).toHaveLength(1);
    const history = await stack.client.workflow.getHandle(id).fetchHistory();
    const scheduled = history.events!.flatMap((event) =>
      event.activityTaskScheduledEventAttributes ? [event.activityTaskScheduledEventAttributes] : [],
    );
    const timeoutOf = (type: string) =>
      Number(scheduled.find((attributes) => attributes.activityType?.name === type)?.startToCloseTimeout?.seconds);
    expect(timeoutOf('generateRequirements')).toBe(1_560);
    expect(timeoutOf('renderPack')).toBe(600);
  });
});
