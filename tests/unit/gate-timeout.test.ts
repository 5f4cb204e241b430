import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MIN_GATE_TIMEOUT_MS, parseDuration, parseGateTimeout } from '../../src/shared/duration';
import { checkSpecRequest } from '../../src/shared/spec-request-check';

describe('the one duration parser', () => {
  it.each([
    ['30m', 1_800_000],
    ['24h', 86_400_000],
    ['2 days', 172_800_000],
    ['1.5 hours', 5_400_000],
    ['90 seconds', 90_000],
    ['1s', 1_000],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['1\t ms', '1\nm', ' 1m', '1m ', '1  m', '-1m', '1 week', '1e3s', '', '1', 'm'])('refuses %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('holds people to a minute and runs to a second', () => {
    expect(parseGateTimeout('59s')).toMatchObject({ ok: false, message: 'gateTimeout must be at least 1 minute' });
    expect(parseGateTimeout('1m')).toEqual({ ok: true, ms: MIN_GATE_TIMEOUT_MS });
    expect(checkSpecRequest({ feature: 'Add audit log', gateTimeout: '1s' })).toBeUndefined();
    expect(checkSpecRequest({ feature: 'Add audit log', gateTimeout: '1ms' })).toMatchObject({ field: 'gateTimeout' });
  });

  it('accepts at the workflow every value the API accepts', () => {
    const unit = fc.constantFrom('ms', 's', 'm', 'h', 'd', 'seconds', 'minute', 'hours', 'day');
    const text = fc.oneof(
      fc.string(),
      fc
        .tuple(fc.nat(100_000), fc.constantFrom('', ' ', '\t', '\n', '  '), unit)
        .map(([count, space, name]) => `${count}${space}${name}`),
    );
    fc.assert(
      fc.property(text, (value) => {
        if (parseGateTimeout(value).ok)
          expect(checkSpecRequest({ feature: 'Add audit log', gateTimeout: value })).toBeUndefined();
      }),
    );
  });
});
