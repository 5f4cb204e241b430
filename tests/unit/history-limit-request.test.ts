import { describe, expect, it } from 'vitest';
import { checkSpecRequest } from '../../src/shared/spec-request-check';
import { HISTORY_LIMIT_BOUNDS } from '../../src/shared/spec-run';

describe("a run's history limit", () => {
  it('refuses a limit so low that a continued run would reach it again at once', () => {
    expect(checkSpecRequest({ feature: 'Add audit log', historyLimit: { events: 10 } })).toMatchObject({
      field: 'historyLimit.events',
    });
  });

  it('refuses a limit at or past the hard limit, where the run would stop instead of continuing as new', () => {
    expect(checkSpecRequest({ feature: 'Add audit log', historyLimit: { bytes: 20 * 1024 * 1024 } })).toMatchObject({
      field: 'historyLimit.bytes',
    });
  });

  it('takes any limit within its bounds', () => {
    for (const events of [HISTORY_LIMIT_BOUNDS.events.min, HISTORY_LIMIT_BOUNDS.events.max])
      expect(checkSpecRequest({ feature: 'Add audit log', historyLimit: { events, bytes: 400_000 } })).toBeUndefined();
  });
});
