import { describe, expect, it } from 'vitest';
import { SpecStatusCache } from '../../src/runs/spec-status-cache';

/** A status source that answers when told to, counting the reads it was asked for. */
function heldReads() {
  const pending: { id: string; answer: (value: string) => void; fail: (error: Error) => void }[] = [];
  let reads = 0;
  return {
    read: (id: string) =>
      new Promise<string>((answer, fail) => {
        reads += 1;
        pending.push({ id, answer, fail });
      }),
    answerAll: (value: string) => pending.splice(0).forEach((read) => read.answer(`${read.id}:${value}`)),
    answerOldest: (value: string) => pending.shift()?.answer(value),
    failAll: (error: Error) => pending.splice(0).forEach((read) => read.fail(error)),
    get reads() {
      return reads;
    },
  };
}

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

/** A cache fresh for 1 s over held reads, on a clock the test moves. */
function cacheOverHeldReads() {
  const source = heldReads();
  const time = clock();
  return { source, time, cache: new SpecStatusCache(source.read, { freshForMs: 1_000, now: time.now }) };
}

describe('the status cache of the API', () => {
  it('answers many concurrent reads of one run with one read of Temporal', async () => {
    const { source, cache } = cacheOverHeldReads();
    const answers = Promise.all(Array.from({ length: 50 }, () => cache.get('run-1')));
    source.answerAll('waiting');
    expect(await answers).toEqual(Array(50).fill('run-1:waiting'));
    expect(source.reads).toBe(1);
  });

  it('reuses an answer while it is fresh, and reads again once the freshness bound has passed', async () => {
    const { source, time, cache } = cacheOverHeldReads();
    const first = cache.get('run-1');
    source.answerAll('first');
    await first;
    time.advance(400);
    expect(await cache.get('run-1')).toBe('run-1:first');
    expect(source.reads).toBe(1);
    time.advance(700);
    const next = cache.get('run-1');
    source.answerAll('second');
    expect(await next).toBe('run-1:second');
    expect(source.reads).toBe(2);
  });

  it('refreshes in the background past half the bound, so steady polling never waits', async () => {
    const { source, time, cache } = cacheOverHeldReads();
    const first = cache.get('run-1');
    source.answerAll('first');
    await first;
    time.advance(600);
    expect(await cache.get('run-1')).toBe('run-1:first');
    expect(source.reads).toBe(2);
    source.answerAll('second');
    await Promise.resolve();
    await Promise.resolve();
    time.advance(600);
    expect(await cache.get('run-1')).toBe('run-1:second');
  });

  it('answers from the refresh under way when the entry expires before it finishes, reading nothing more', async () => {
    const { source, time, cache } = cacheOverHeldReads();
    const first = cache.get('run-1');
    source.answerAll('first');
    await first;
    time.advance(600);
    expect(await cache.get('run-1')).toBe('run-1:first');
    time.advance(600);
    const waiting = Promise.all([cache.get('run-1'), cache.get('run-1')]);
    expect(source.reads).toBe(2);
    source.answerAll('refreshed');
    expect(await waiting).toEqual(['run-1:refreshed', 'run-1:refreshed']);
    expect(source.reads).toBe(2);
  });

  it('drops a background refresh that finishes after an invalidation', async () => {
    const { source, time, cache } = cacheOverHeldReads();
    const first = cache.get('run-1');
    source.answerAll('first');
    await first;
    time.advance(600);
    await cache.get('run-1');
    expect(source.reads).toBe(2);
    cache.invalidate('run-1');
    const afterDecision = cache.get('run-1');
    expect(source.reads).toBe(3);
    source.answerOldest('refreshed before the decision');
    source.answerOldest('after the decision');
    expect(await afterDecision).toBe('after the decision');
    await Promise.resolve();
    expect(await cache.get('run-1')).toBe('after the decision');
    expect(source.reads).toBe(3);
  });

  it('reads again after an invalidation, and keeps no answer of a read started before it', async () => {
    const { source, cache } = cacheOverHeldReads();
    const before = cache.get('run-1');
    cache.invalidate('run-1');
    const after = cache.get('run-1');
    expect(source.reads).toBe(2);
    source.answerOldest('before the decision');
    source.answerOldest('after the decision');
    expect(await before).toBe('before the decision');
    expect(await after).toBe('after the decision');
    expect(await cache.get('run-1')).toBe('after the decision');
    expect(source.reads).toBe(2);
  });

  it('keeps no failure: the next request reads again', async () => {
    const { source, cache } = cacheOverHeldReads();
    const failed = cache.get('run-1');
    source.failAll(new Error('Temporal unavailable'));
    await expect(failed).rejects.toThrow('Temporal unavailable');
    const next = cache.get('run-1');
    source.answerAll('back');
    expect(await next).toBe('run-1:back');
    expect(source.reads).toBe(2);
  });

  it('keeps each run apart', async () => {
    const { source, cache } = cacheOverHeldReads();
    const answers = Promise.all([cache.get('run-1'), cache.get('run-2')]);
    source.answerAll('x');
    expect(await answers).toEqual(['run-1:x', 'run-2:x']);
    expect(source.reads).toBe(2);
  });
});
