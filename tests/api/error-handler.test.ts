import type { Request, Response } from 'express';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/api/error-handler';
import { DecisionRefusedError } from '../../src/runs/decide-spec';
import { TemporalDeadlineError } from '../../src/runs/temporal-deadline';

/** What the handler sent: status, headers and the problem body. */
function answer(error: unknown) {
  const sent = { status: 0, headers: {} as Record<string, string>, body: undefined as any };
  const response = {
    set(headers: Record<string, string>) {
      Object.assign(sent.headers, headers);
      return this;
    },
    status(code: number) {
      sent.status = code;
      return this;
    },
    type() {
      return this;
    },
    json(body: unknown) {
      sent.body = body;
      return this;
    },
  } as unknown as Response;
  const request = { method: 'POST', path: '/v1/specs/spec-x-0123abcd/decisions' } as Request;
  errorHandler(pino({ level: 'silent' }))(error, request, response, () => undefined);
  return sent;
}

/** A gRPC error as @temporalio/client wraps it: a ServiceError whose cause carries the status code. */
function serviceError(code: number, details: string) {
  return Object.assign(new Error('Workflow Update failed'), {
    cause: Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} }),
  });
}

describe('the error handler', () => {
  it('sends a sentence, not a zod issue list, when the run refuses an edit', () => {
    const issues = JSON.stringify([{ code: 'invalid_type', expected: 'array', path: ['functional'] }], null, 2);
    const sent = answer(new DecisionRefusedError('invalid', issues, 'content'));
    expect(sent.status).toBe(422);
    expect(sent.body.detail).toMatch(/validate/);
    expect(JSON.stringify(sent.body)).not.toContain('invalid_type');
  });

  it('keeps a refusal written for people as it is', () => {
    const sent = answer(new DecisionRefusedError('conflict', 'requirements is not awaiting approval', 'phase'));
    expect(sent).toMatchObject({ status: 409, body: { detail: 'requirements is not awaiting approval' } });
  });

  it('answers 503 with Retry-After when Temporal is unreachable or too slow, however the client wraps it', () => {
    for (const error of [serviceError(14, 'No connection established'), new TemporalDeadlineError(1500)]) {
      const sent = answer(error);
      expect(sent.status).toBe(503);
      expect(Number(sent.headers['Retry-After'])).toBeGreaterThan(0);
    }
  });

  it('answers 409 when Temporal refuses an update in the run’s current state', () => {
    const sent = answer(
      serviceError(9, 'Unable to perform workflow execution update due to Workflow Task in failed state.'),
    );
    expect(sent.status).toBe(409);
    expect(sent.body.detail).not.toMatch(/FAILED_PRECONDITION|Workflow Task/);
  });

  it('answers 500 with nothing of the error in it for anything else', () => {
    const sent = answer(new TypeError("Cannot read properties of undefined (reading 'map')"));
    expect(sent.status).toBe(500);
    expect(JSON.stringify(sent.body)).not.toMatch(/TypeError|map/);
  });
});
