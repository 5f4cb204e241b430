import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Generator } from '../../src/activities/llm/generator';
import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import { startTracing, type Tracing } from '../../src/telemetry/start-tracing';
import { startFakeOpenAI, validAnswer } from '../fakes/fake-openai';
import type { ApiServer } from '../helpers/api-server';
import type { TestStack } from '../helpers/test-stack';
import { useApiServer } from '../helpers/use-api-server';
import { waitFor } from '../helpers/wait-for';

const exporter = new InMemorySpanExporter();
let tracing: Tracing | undefined;
let stack: TestStack;
let api: ApiServer;

// Before the stack: the workers' workflow span sink is built from the tracing running when they start.
beforeAll(() => {
  tracing = startTracing({ serviceName: 'specforge-test', exporter });
});
useApiServer((started) => ({ stack, api } = started));
afterAll(async () => {
  await tracing?.shutdown();
});

/** Runs the run to its end on a worker with `generator`, then every span recorded. */
function finishedRunSpans(id: string, generator?: Generator): Promise<ReadableSpan[]> {
  return stack.withWorker(async () => {
    await stack.client.workflow.getHandle(id).result();
    // The run's own spans leave the workflow sandbox through a sink once its last workflow task completes.
    return waitFor(async () => {
      const finished = exporter.getFinishedSpans();
      return finished.some((span) => span.name === 'RunWorkflow:specWorkflow') ? finished : undefined;
    }, "the run's spans");
  }, generator);
}

/** The span's ancestors, nearest first, as far as the recorded spans link up. */
function ancestorsOf(span: ReadableSpan, byId: Map<string, ReadableSpan>): ReadableSpan[] {
  const chain: ReadableSpan[] = [];
  for (let parent = byId.get(span.parentSpanId ?? ''); parent; parent = byId.get(parent.parentSpanId ?? '')) {
    chain.push(parent);
  }
  return chain;
}

describe('traces', () => {
  it('one trace spans a run: the API request, its workflow start, the run, its ticket child and every activity', async () => {
    const created = await api.call('POST', '/v1/specs', { feature: 'Export invoices to CSV', gates: 'none' });
    expect(created.status).toBe(201);
    const id: string = created.json.id;
    const spans = await finishedRunSpans(id);

    const request = spans.find((span) => span.kind === SpanKind.SERVER);
    expect(request?.name).toBe('POST /v1/specs');
    expect(request?.attributes).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/v1/specs',
      'http.response.status_code': 201,
    });
    const traceId = request!.spanContext().traceId;
    expect(spans.map((span) => span.spanContext().traceId)).toEqual(spans.map(() => traceId));

    const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
    const start = spans.find((span) => span.name === 'StartWorkflow:specWorkflow');
    const run = spans.find((span) => span.name === 'RunWorkflow:specWorkflow');
    expect(start?.parentSpanId).toBe(request!.spanContext().spanId);
    expect(run?.parentSpanId).toBe(start!.spanContext().spanId);
    expect(run?.attributes).toMatchObject({ workflowId: id, workflowType: 'specWorkflow' });

    const activities = spans.filter((span) => span.name.startsWith('RunActivity:'));
    const names = new Set(activities.map((span) => span.name));
    const phaseActivities = [
      'Requirements',
      'Architecture',
      'Database',
      'Api',
      'Security',
      'Testing',
      'Rollout',
      'Cost',
    ];
    for (const activity of [...phaseActivities.map((phase) => `generate${phase}`), 'renderPack']) {
      expect(names).toContain(`RunActivity:${activity}`);
    }
    const ticketRun = spans.find((span) => span.name === 'RunWorkflow:ticketFanOutWorkflow');
    expect(ticketRun).toBeDefined();
    // Every activity, the ticket child's included, hangs off the run, and through it off the API request.
    for (const activity of activities) {
      const ancestors = ancestorsOf(activity, byId);
      expect(ancestors, activity.name).toContain(run);
      expect(ancestors.at(-1), activity.name).toBe(request);
    }
    expect(activities.some((activity) => ancestorsOf(activity, byId).includes(ticketRun!))).toBe(true);

    // The trace backend gets ids and names, never the run's memo or search attributes (the feature text).
    const attributeText = JSON.stringify(spans.map((span) => span.attributes));
    expect(attributeText).not.toContain('Export invoices to CSV');
  });

  it('puts each model call in a "chat <model>" span under its phase activity, a 429 included', async () => {
    exporter.reset();
    let limited = false;
    const openai = await startFakeOpenAI((body) => {
      if (!limited && body.response_format?.json_schema?.name === 'architecture') {
        limited = true;
        return { kind: 'status', status: 429, headers: { 'retry-after': '1' } };
      }
      return { kind: 'content', text: validAnswer(body) };
    });
    try {
      const generator = createOpenAIGenerator({
        apiKey: ['sk', 'test', 'trace'].join('-'),
        baseURL: openai.baseURL,
        model: 'gpt-trace',
        timeoutMs: 10_000,
      });
      const id = await stack.start({ feature: 'Add audit log', gates: 'none' });
      const spans = await finishedRunSpans(id, generator);

      const byId = new Map(spans.map((span) => [span.spanContext().spanId, span]));
      const chats = spans.filter((span) => span.name === 'chat gpt-trace');
      expect(chats.length).toBe(openai.requests.length);
      for (const chat of chats) {
        expect(chat.kind).toBe(SpanKind.CLIENT);
        expect(byId.get(chat.parentSpanId ?? '')?.name).toMatch(/^RunActivity:generate/);
        expect(chat.attributes).toMatchObject({ 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-trace' });
      }
      const failed = chats.filter((chat) => chat.attributes['error.type'] === '429');
      expect(failed).toHaveLength(1);
      expect(byId.get(failed[0]!.parentSpanId ?? '')?.name).toBe('RunActivity:generateArchitecture');
      expect(chats.some((chat) => Number(chat.attributes['gen_ai.usage.input_tokens']) > 0)).toBe(true);

      // The failed attempt keeps its error status and type, not its text: errors quote model answers.
      const failedActivity = spans.find(
        (span) => span.name === 'RunActivity:generateArchitecture' && span.status.code === SpanStatusCode.ERROR,
      );
      expect(failedActivity).toBeDefined();
      const exceptions = spans.flatMap((span) => span.events.filter((event) => event.name === 'exception'));
      expect(exceptions.length).toBeGreaterThan(0);
      for (const event of exceptions) expect(Object.keys(event.attributes ?? {})).not.toContain('exception.message');
      expect(spans.filter((span) => span.status.message)).toEqual([]);
    } finally {
      await openai.close();
    }
  });
});
