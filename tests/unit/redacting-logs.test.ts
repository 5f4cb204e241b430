import { ApplicationFailure } from '@temporalio/common';
import { LogTimestamp, type LogLevel, type LogMetadata, type Logger } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { createLog } from '../../src/logging/create-log';
import { RedactingLogger } from '../../src/logging/redacting-logger';
import { FailureType } from '../../src/shared/failure-types';
import { REDACTED } from '../../src/shared/redact-secrets';

// Shaped like no known token: only the configured list finds it.
const secret = 'plainsecretvalue';

/** A Temporal logger that keeps what it is given. */
function capturingLogger() {
  const entries: { level: LogLevel; message: string; meta?: LogMetadata }[] = [];
  const log = (level: LogLevel) => (message: string, meta?: LogMetadata) => entries.push({ level, message, meta });
  const logger: Logger = {
    log: (level, message, meta) => void entries.push({ level, message, meta }),
    trace: log('TRACE'),
    debug: log('DEBUG'),
    info: log('INFO'),
    warn: log('WARN'),
    error: log('ERROR'),
  };
  return { logger, entries };
}

describe("the worker's log", () => {
  it('redacts the message and the failed activity error, which stays a failure of its type', () => {
    const { logger, entries } = capturingLogger();
    const error = ApplicationFailure.nonRetryable(`401: ${secret}`, FailureType.LlmAuthentication);
    new RedactingLogger(logger, [secret]).warn(`Activity failed for ${secret}`, {
      error,
      request: { headers: { authorization: secret } },
      [LogTimestamp]: 42n,
    });
    const [entry] = entries;
    expect(entry!.message).toBe(`Activity failed for ${REDACTED}`);
    const logged = entry!.meta!.error as ApplicationFailure;
    expect(logged).toBeInstanceOf(ApplicationFailure);
    expect(logged).toMatchObject({ type: FailureType.LlmAuthentication, message: `401: ${REDACTED}` });
    expect(logged.stack).not.toContain(secret);
    expect(entry!.meta!.request).toEqual({ headers: { authorization: REDACTED } });
    expect(entry!.meta![LogTimestamp]).toBe(42n);
  });
});

describe("the API's log", () => {
  it('writes no line holding a secret: message, error, stack and fields alike', () => {
    const lines: string[] = [];
    const log = createLog({ level: 'info', secrets: [secret], destination: { write: (line) => lines.push(line) } });
    log.error({ err: new Error(`upstream said ${secret}`), route: 'GET /v1/specs' }, `failed with ${secret}`);
    log.info({ headers: { authorization: `Bearer ${'ghp_'}16C7e42F292c6912E7710c838347Ae178B4a` } }, 'echoed');
    expect(lines).toHaveLength(2);
    expect(lines.join('')).not.toContain(secret);
    expect(lines.join('')).not.toContain('ghp_16C7');
    const first = JSON.parse(lines[0]!);
    expect(first.msg).toBe(`failed with ${REDACTED}`);
    expect(first.err.message).toBe(`upstream said ${REDACTED}`);
    expect(first.route).toBe('GET /v1/specs');
  });
});
