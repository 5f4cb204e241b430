import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/activities/artifacts/hash';
import { closeSvgRenderer } from '../../src/activities/validate/svg-renderer';
import { PHASES } from '../../src/shared/phases';
import type { SpecRunStatus } from '../../src/shared/spec-run';
import { decideUpdate } from '../../src/workflows/messages';
import type { ApiServer } from '../helpers/api-server';
import { waitForGate } from '../helpers/spec-helpers';
import type { TestStack } from '../helpers/test-stack';
import { useApiServer } from '../helpers/use-api-server';

let stack: TestStack;
let api: ApiServer;
useApiServer((started) => ({ stack, api } = started));
afterAll(() => closeSvgRenderer());

// A marker only the document holds, to look for in history.
const CONVENTIONS = 'Deploys go out on Tuesdays through Argo CD, and every service exposes /healthz and /readyz.';
const DOCUMENT = `# Platform\n\nMySQL 8, Kafka, Go on Kubernetes, SAML through Okta.\n\n${CONVENTIONS}\n`;
const FEATURE = 'Export invoices to CSV';
const SLUG = 'export-invoices-to-csv';

/** Every string in a history: the payloads' JSON decoded, so nothing hides in bytes. */
function historyText(value: unknown): string {
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (Array.isArray(value)) return value.map(historyText).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(historyText).join('\n');
  return typeof value === 'string' ? value : '';
}

describe('a run with a context document and answers', () => {
  it('refuses a context longer than 20,000 characters, naming the field', async () => {
    const response = await api.call('POST', '/v1/specs', { feature: FEATURE, context: 'x'.repeat(20_001) });
    expect(response.status).toBe(422);
    expect(response.json.errors.map((error: { field: string }) => error.field)).toEqual(['context']);
    expect(response.json.detail).toMatch(/at most 20000 characters/);
  });

  it('carries the document as a reference and hash through history, and answers change the numbers downstream', async () => {
    const started = await api.call('POST', '/v1/specs', { feature: FEATURE, gates: 'each', context: DOCUMENT });
    expect(started.status).toBe(201);
    expect(started.json.context).toEqual({ source: 'request', sha256: sha256(DOCUMENT), characters: DOCUMENT.length });
    const id: string = started.json.id;
    // The starter stored the text where the worker reads it, named by its hash.
    expect(await readFile(path.join(stack.store.home, 'contexts', `${sha256(DOCUMENT)}.md`), 'utf8')).toBe(DOCUMENT);

    const handle = stack.client.workflow.getHandle(id);
    const status = await stack.withWorker(async () => {
      for (const phase of PHASES) {
        await waitForGate(stack.client, id, phase);
        const content =
          phase === 'requirements'
            ? { answers: { 'Q-1': 'Finance managers and administrators', 'Q-2': '50 rps', 'Q-3': '90 days' } }
            : undefined;
        await handle.executeUpdate(decideUpdate, {
          args: [{ phase, action: 'approve', by: 'ana', ...(content ? { content } : {}) }],
        });
      }
      return handle.result() as Promise<SpecRunStatus>;
    });
    expect(status.status).toBe('completed');

    const history = await handle.fetchHistory();
    const input = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    expect(JSON.parse(Buffer.from(input.data!).toString('utf8')).context).toEqual({
      source: 'request',
      path: `contexts/${sha256(DOCUMENT)}.md`,
      sha256: sha256(DOCUMENT),
      bytes: Buffer.byteLength(DOCUMENT),
      characters: DOCUMENT.length,
    });
    const everything = historyText(history);
    expect(everything).toContain(sha256(DOCUMENT));
    expect(everything).not.toContain(CONVENTIONS);
    expect(everything).not.toContain('SAML through Okta');

    const pack = (file: string) => readFile(path.join(stack.store.packDir({ specId: id, slug: SLUG }), file), 'utf8');
    const report = JSON.parse(await pack(`report_${SLUG}.json`));
    expect(report.context).toEqual({
      source: 'request',
      sha256: sha256(DOCUMENT),
      bytes: Buffer.byteLength(DOCUMENT),
      characters: DOCUMENT.length,
    });
    const spec = await pack(`technical_spec_${SLUG}.md`);
    const testPlan = await pack(`test_plan_${SLUG}.md`);
    // The team's stack, never the defaults it replaced.
    for (const name of ['Engine: MySQL 8.', 'Apache Kafka', 'Okta over SAML 2.0', 'on Kubernetes'])
      expect(spec).toContain(name);
    for (const name of ['PostgreSQL', 'AMQP', 'Node.js']) expect(`${spec}\n${testPlan}`).not.toContain(name);
    // The answers, in every later phase that uses them.
    expect(spec).toMatch(/Sustain 50 requests per second \(answer to Q-2\)/);
    expect(testPlan).toMatch(/k6: 50 requests per second for 15 minutes/);
    expect(testPlan).not.toMatch(/k6: 200 requests per second/);
    expect(spec).toMatch(/Load assumptions: 50 requests\/s at peak, 13 on average/);
    expect(spec).toMatch(/Invoices are kept 90 days \(answer to Q-3\) after deletion/);
    expect(spec).toMatch(/Only finance managers and administrators \(answer to Q-1\) may use the feature/);
  });
});
