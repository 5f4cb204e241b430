import { describe, expect, it } from 'vitest';
import { retryAfterMs } from '../../src/shared/retry-after';

const now = Date.parse('2026-03-01T12:00:00Z');

describe('reading Retry-After', () => {
  it('reads seconds', () => {
    expect(retryAfterMs({ 'retry-after': '7' }, now)).toBe(7000);
    expect(retryAfterMs({ 'retry-after': '0.5' }, now)).toBe(500);
  });

  it('reads an HTTP date as the time left until it', () => {
    expect(retryAfterMs({ 'retry-after': 'Sun, 01 Mar 2026 12:00:30 GMT' }, now)).toBe(30_000);
  });

  it('reads a date already past as no wait at all', () => {
    expect(retryAfterMs({ 'retry-after': 'Sun, 01 Mar 2026 11:59:00 GMT' }, now)).toBe(0);
  });

  it("prefers OpenAI's retry-after-ms", () => {
    expect(retryAfterMs({ 'retry-after-ms': '1500', 'retry-after': '9' }, now)).toBe(1500);
  });

  it("reads fetch's Headers, and plain objects whatever the case of the name", () => {
    expect(retryAfterMs(new Headers({ 'Retry-After': '3' }), now)).toBe(3000);
    expect(retryAfterMs({ 'Retry-After': 4 }, now)).toBe(4000);
    expect(retryAfterMs({ 'retry-after': ['5'] }, now)).toBe(5000);
  });

  it('says nothing when the header is absent or unreadable, so Temporal backs off on its own', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs({}, now)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': 'soon' }, now)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after': '-3' }, now)).toBeUndefined();
    expect(retryAfterMs({ 'retry-after-ms': 'x', 'retry-after': '' }, now)).toBeUndefined();
  });
});
