import { randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Generator } from '../../src/activities/llm/generator';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import { RedactingLogger } from '../../src/logging/redacting-logger';
import type { PhaseName } from '../../src/shared/phases';
import { quietRuntime } from '../helpers/quiet-runtime';
import { createTestStack, type TestStack } from '../helpers/test-stack';

// Not shaped like any known token: only the configured list can find it.
const secret = `plainsecret${randomBytes(12).toString('hex')}`;

/** Every line the worker wrote, DEBUG and up, as the interceptors and the redaction leave it. */
const entries: LogEntry[] = [];

let stack: TestStack;
beforeAll(async () => {
  // The runtime is installed once per process (this file's), before the stack's workers exist. It
  // redacts as the entry points' `workerLogger` does, but without its SpecIdLogger: every spec id,
  // phase and revision seen here was added by the activity and workflow interceptors.
  quietRuntime(new RedactingLogger(new DefaultLogger('DEBUG', (entry) => entries.push(entry)), [secret]));
  stack = await createTestStack();
});
afterAll(() => stack.close());

/** The offline generator, but the first call for `phase` fails as a model server echoing the key would. */
function failingOnce(phase: PhaseName): Generator {
  const offline = createOfflineGenerator();
  let failed = false;
  return {
    provider: offline.provider,
    model: offline.model,
    async generate(definition, context, check, progress) {
      if (definition.name === phase && !failed) {
        failed = true;
        throw new Error(`model server answered 401, echoing the key ${secret}`);
      }
      return offline.generate(definition, context, check, progress);
    },
  };
}

describe("the worker's log lines of a run", () => {
  let id: string;
  beforeAll(async () => {
    id = await stack.start({ feature: 'Add an audit log', gates: 'none', tickets: { target: 'file' } });
    await stack.withWorker(() => stack.client.workflow.getHandle(id).result(), failingOnce('architecture'));
  });

  const lines = () => entries.filter((entry) => String(entry.meta?.workflowId ?? '').startsWith(id));

  it('name the spec, the phase and the revision when a phase activity fails, and hold no configured secret', () => {
    const failed = entries.filter((entry) => entry.message === 'Activity failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]!.meta).toMatchObject({
      specId: id,
      phase: 'architecture',
      revision: 1,
      activityType: 'generateArchitecture',
    });
    expect(inspect(failed[0], { depth: 10 })).toContain('echoing the key');
    expect(inspect(entries, { depth: 10 })).not.toContain(secret);
  });

  it('name the spec on every line of the run, its workflow lines and its ticket fan-out child included', () => {
    const workflowTypes = new Set(lines().map((entry) => entry.meta?.workflowType));
    expect(workflowTypes).toEqual(new Set(['specWorkflow', 'ticketFanOutWorkflow']));
    // "Workflow started" and "Workflow completed" are written through the workflow's `log`.
    expect(lines().filter((entry) => entry.message === 'Workflow started')).toHaveLength(2);
    for (const entry of lines()) expect(entry.meta).toMatchObject({ specId: id });
  });

  it('name the phase of every phase activity line, and the revision once the activity has its input', () => {
    const phaseLines = lines().filter((entry) => String(entry.meta?.activityType).startsWith('generate'));
    expect(phaseLines.length).toBeGreaterThan(8);
    for (const entry of phaseLines) {
      expect(entry.meta?.phase).toEqual(expect.any(String));
      // "Activity started" is written before the input reaches any interceptor.
      if (entry.message !== 'Activity started') expect(entry.meta?.revision).toBe(1);
    }
  });
});
