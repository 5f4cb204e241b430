import { ApplicationFailure } from '@temporalio/common';
import { DefaultLogger, type LogEntry } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { redactFailure } from '../../src/activities/redact-failure';
import { specIdOfWorkflow } from '../../src/logging/spec-id-of-workflow';
import { workerLogger } from '../../src/logging/worker-logger';
import { FailureType } from '../../src/shared/failure-types';
import { REDACTED } from '../../src/shared/redact-secrets';

// Shaped like no known token: only the configured list finds it.
const secret = 'plainsecretvalue';
const specId = 'spec-audit-log-0123abcd';

/** The worker's logger chain as the entry points install it, writing here. */
function capture() {
  const entries: LogEntry[] = [];
  return { entries, logger: workerLogger(new DefaultLogger('TRACE', (entry) => entries.push(entry)), [secret]) };
}

/** A value with `leaf` `depth` objects down. */
function nested(depth: number, leaf: unknown): unknown {
  return depth === 0 ? leaf : { inner: nested(depth - 1, leaf) };
}

describe('the spec a workflow id belongs to', () => {
  it('is the id of a spec run, the parent of its ticket fan-out, and none for anything else', () => {
    expect(specIdOfWorkflow(specId)).toBe(specId);
    expect(specIdOfWorkflow(`${specId}-tickets`)).toBe(specId);
    expect(specIdOfWorkflow('nightly-eviction')).toBeUndefined();
    expect(specIdOfWorkflow('not-a-spec-tickets')).toBeUndefined();
    expect(specIdOfWorkflow(undefined)).toBeUndefined();
  });
});

describe("the worker's logger", () => {
  it("names the spec on the SDK's own lines that carry only a workflow id", () => {
    const { entries, logger } = capture();
    logger.error('Failed to process Workflow Activation', { workflowId: `${specId}-tickets`, runId: 'r' });
    logger.warn('Failing workflow task', { sdkComponent: 'core', workflow_id: specId });
    expect(entries.map((entry) => entry.meta?.specId)).toEqual([specId, specId]);
  });

  it('keeps a spec id a line already names, and adds none to a line about no spec', () => {
    const { entries, logger } = capture();
    logger.info('Activity failed', { workflowId: `${specId}-tickets`, specId: 'spec-other-run-89abcdef' });
    logger.info('Worker state changed', { state: 'RUNNING' });
    expect(entries[0]!.meta?.specId).toBe('spec-other-run-89abcdef');
    expect(entries[1]!.meta).not.toHaveProperty('specId');
  });

  it('redacts a secret however deep in a field it sits, as failure details are', () => {
    const { entries, logger } = capture();
    logger.warn(`echoed ${secret}`, { workflowId: specId, response: nested(8, { body: `key ${secret}` }) });
    expect(entries[0]!.message).toBe(`echoed ${REDACTED}`);
    expect(JSON.stringify(entries[0]!.meta)).not.toContain(secret);
    expect(entries[0]!.meta?.specId).toBe(specId);
    const failure = ApplicationFailure.create({
      message: 'upstream refused',
      type: FailureType.LlmAuthentication,
      details: [nested(8, `key ${secret}`), { cause: new Error(`401 ${secret}`) }],
    });
    expect(JSON.stringify(redactFailure(failure, [secret]).details)).not.toContain(secret);
    expect((redactFailure(failure, [secret]).details![1] as { cause: Error }).cause.message).toBe(`401 ${REDACTED}`);
  });
});
