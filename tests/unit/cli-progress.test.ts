import {
  ApplicationFailure,
  defaultPayloadConverter,
  type LogLevel,
  type LogMetadata,
  type Logger,
} from '@temporalio/common';
import { MockActivityEnvironment } from '@temporalio/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import type { PhaseContext } from '../../src/activities/phases/phase-definition';
import { requirementsPhase } from '../../src/activities/phases/requirements/definition';
import { withHeartbeat, type LlmHeartbeatDetails } from '../../src/activities/with-heartbeat';
import { ProgressLine } from '../../src/cli/progress-line';
import { RefusalQuietLogger } from '../../src/cli/refusal-quiet-logger';
import { runningPhaseActivity } from '../../src/cli/running-activity';
import { startFakeOpenAI, validAnswer } from '../fakes/fake-openai';
import { FailureType } from '../../src/shared/failure-types';

const context: PhaseContext = {
  specId: 'spec-test',
  feature: 'Export invoices to CSV',
  description: '',
  revision: 1,
  feedback: [],
  answers: {},
  earlier: {},
};
let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

describe('the repair attempt in heartbeat details', () => {
  it("reports attempt 2 when the model's first answer is invalid", async () => {
    const fake = await startFakeOpenAI((body, index) => ({
      kind: 'content',
      text: index === 0 ? '{"summary": "cut' : validAnswer(body),
    }));
    close = fake.close;
    const generator = createOpenAIGenerator({
      apiKey: 'sk-test-not-a-real-key',
      baseURL: fake.baseURL,
      model: 'gpt-test',
      timeoutMs: 5_000,
    });
    const environment = new MockActivityEnvironment();
    const heartbeats: LlmHeartbeatDetails[] = [];
    environment.on('heartbeat', (details: LlmHeartbeatDetails) => heartbeats.push(details));

    await environment.run(() =>
      withHeartbeat((progress) => generator.generate(requirementsPhase, context, async () => [], progress)),
    );

    expect(fake.requests).toHaveLength(2);
    expect(heartbeats).toEqual([{ attempt: 1 }, { attempt: 2 }]);
  });

  it('stays at attempt 1 when the first answer is valid', async () => {
    const fake = await startFakeOpenAI();
    close = fake.close;
    const generator = createOpenAIGenerator({
      apiKey: 'sk-test-not-a-real-key',
      baseURL: fake.baseURL,
      model: 'gpt-test',
      timeoutMs: 5_000,
    });
    const environment = new MockActivityEnvironment();
    const heartbeats: LlmHeartbeatDetails[] = [];
    environment.on('heartbeat', (details: LlmHeartbeatDetails) => heartbeats.push(details));

    await environment.run(() =>
      withHeartbeat((progress) => generator.generate(requirementsPhase, context, async () => [], progress)),
    );

    expect(heartbeats).toEqual([{ attempt: 1 }]);
  });

  it("is read back from the pending activity of a run's description", () => {
    const description = {
      raw: {
        pendingActivities: [
          { activityType: { name: 'notify' }, attempt: 1 },
          {
            activityType: { name: 'generateRequirements' },
            attempt: 3,
            heartbeatDetails: { payloads: [defaultPayloadConverter.toPayload({ attempt: 2 })] },
          },
        ],
      },
    };
    expect(runningPhaseActivity(description as never)).toEqual({
      type: 'generateRequirements',
      modelAttempt: 2,
      retry: 3,
    });
  });

  it('is absent before the first heartbeat and when no phase activity runs', () => {
    expect(
      runningPhaseActivity({
        raw: { pendingActivities: [{ activityType: { name: 'generateApi' }, attempt: 1 }] },
      } as never),
    ).toEqual({ type: 'generateApi', modelAttempt: undefined, retry: 1 });
    expect(
      runningPhaseActivity({
        raw: { pendingActivities: [{ activityType: { name: 'renderPack' }, attempt: 1 }] },
      } as never),
    ).toBeUndefined();
  });
});

describe('the progress line', () => {
  const screen = (isTTY: boolean) => {
    const writes: string[] = [];
    return { writes, output: { isTTY, write: (text: string) => writes.push(text) } };
  };

  it('rewrites itself in place on a terminal, with elapsed seconds and the repair attempt', () => {
    const { writes, output } = screen(true);
    let now = 10_000;
    const line = new ProgressLine(output, () => now);
    line.show({ label: 'requirements', startedAt: 10_000 });
    now = 17_400;
    line.show({ label: 'requirements', startedAt: 10_000, repair: 1 });
    line.log('✔ requirements: 5 functional requirements');

    expect(writes).toEqual([
      '\r\u001b[2K… requirements  0 s',
      '\r\u001b[2K… requirements  7 s  repair attempt 1',
      '\r\u001b[2K',
      '✔ requirements: 5 functional requirements\n',
    ]);
  });

  it('prints plain lines elsewhere, once per change other than the seconds', () => {
    const { writes, output } = screen(false);
    let now = 0;
    const line = new ProgressLine(output, () => now);
    line.show({ label: 'api', startedAt: 0 });
    now = 5_000;
    line.show({ label: 'api', startedAt: 0 });
    line.show({ label: 'api', startedAt: 0, repair: 1 });
    line.show({ label: 'api', startedAt: 0, repair: 1, retry: 2 });

    expect(writes).toEqual(['… api\n', '… api: repair attempt 1\n', '… api: repair attempt 1, retry 1\n']);
  });
});

describe("the local worker's log", () => {
  class RecordingLogger implements Logger {
    readonly lines: string[] = [];
    log(level: LogLevel, message: string, meta?: LogMetadata) {
      this.lines.push(`${level} ${message}${meta?.error ? ` (${(meta.error as ApplicationFailure).type})` : ''}`);
    }
    trace = (message: string, meta?: LogMetadata) => this.log('TRACE', message, meta);
    debug = (message: string, meta?: LogMetadata) => this.log('DEBUG', message, meta);
    info = (message: string, meta?: LogMetadata) => this.log('INFO', message, meta);
    warn = (message: string, meta?: LogMetadata) => this.log('WARN', message, meta);
    error = (message: string, meta?: LogMetadata) => this.log('ERROR', message, meta);
  }

  it('drops the activity-failure warning of a refused edit and keeps every other failure', () => {
    const inner = new RecordingLogger();
    const logger = new RefusalQuietLogger(inner);
    logger.warn('Activity failed', {
      error: ApplicationFailure.nonRetryable('The edited requirements is invalid', FailureType.InvalidContent),
    });
    logger.warn('Activity failed', {
      error: ApplicationFailure.nonRetryable('still invalid after 2 repairs', FailureType.InvalidModelOutput),
    });
    logger.warn('Activity failed', { error: new Error('disk full') });
    logger.error('Activity failed', { error: ApplicationFailure.nonRetryable('x', FailureType.InvalidContent) });
    logger.info('Worker state changed');

    expect(inner.lines).toEqual([
      'WARN Activity failed (InvalidModelOutput)',
      'WARN Activity failed (undefined)',
      'ERROR Activity failed (InvalidContent)',
      'INFO Worker state changed',
    ]);
  });
});
