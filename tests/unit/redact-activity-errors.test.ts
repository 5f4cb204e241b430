import { ApplicationFailure, CancelledFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { redactActivityErrors } from '../../src/activities/redact-activity-errors';
import { FailureType } from '../../src/shared/failure-types';
import { REDACTED } from '../../src/shared/redact-secrets';

const secret = 'plainsecretvalue';
const failing = (error: unknown) => async (_input: { id: string }) => {
  throw error;
};

describe("the worker's activities", () => {
  it('answer as before when nothing fails', async () => {
    const activities = redactActivityErrors({ double: async (value: number) => value * 2 }, [secret]);
    expect(await activities.double(21)).toBe(42);
  });

  it('redact a failure no sorter saw, keeping its type and retry settings', async () => {
    const failure = ApplicationFailure.create({
      message: `upstream said ${secret}`,
      type: FailureType.TrackerUnavailable,
      nextRetryDelay: 2000,
    });
    const activities = redactActivityErrors({ createTicket: failing(failure) }, [secret]);
    const thrown = (await activities.createTicket({ id: 'x' }).catch((error: unknown) => error)) as ApplicationFailure;
    expect(thrown).toBeInstanceOf(ApplicationFailure);
    expect(thrown).toMatchObject({ type: FailureType.TrackerUnavailable, nextRetryDelay: 2000 });
    expect(thrown.message).toBe(`upstream said ${REDACTED}`);
  });

  it('redact a plain error a library threw, keeping its name', async () => {
    const error = new TypeError(`cannot fetch https://bot:${secret}@jira.example`);
    const activities = redactActivityErrors({ notify: failing(error) }, [secret]);
    const thrown = (await activities.notify({ id: 'x' }).catch((caught: unknown) => caught)) as Error;
    expect(thrown.name).toBe('TypeError');
    expect(`${thrown.message}${thrown.stack}`).not.toContain(secret);
  });

  it('throw an error with nothing to redact as it was, so a cancellation stays a cancellation', async () => {
    const cancelled = new CancelledFailure('cancelled');
    const activities = redactActivityErrors({ generateApi: failing(cancelled) }, [secret]);
    expect(await activities.generateApi({ id: 'x' }).catch((error: unknown) => error)).toBe(cancelled);
  });
});
