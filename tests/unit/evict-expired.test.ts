import { mkdtemp, readdir, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { evictExpired, type RunState } from '../../src/activities/artifacts/evict-expired';
import { readEvictedMarker } from '../../src/activities/artifacts/evicted-marker';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-06-01T00:00:00Z');
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

async function storeWithRuns(specIds: string[]): Promise<ArtifactStore> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-evict-'));
  const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
  for (const specId of specIds) {
    await store.writeJson(store.runDir(specId), 'requirements.r1.json', { content: {} });
    await store.writeJson(store.runDir(specId), 'ticket-plan.json', { tickets: [] });
  }
  return store;
}

async function age(file: string, days: number): Promise<void> {
  await utimes(file, daysBefore(days), daysBefore(days));
}

describe('evicting what SPECFORGE_HOME keeps', () => {
  it('removes the working files of runs closed longer ago than the retention period and leaves a marker', async () => {
    const store = await storeWithRuns(['spec-old-00000001', 'spec-recent-00000001']);
    // Decision content an edit stored by reference lives in a subfolder: it goes too.
    await store.write(store.runDir('spec-old-00000001'), 'decisions/0a1b.json', '{}');
    const states: Record<string, RunState> = {
      'spec-old-00000001': { state: 'closed', closedAt: daysBefore(31) },
      'spec-recent-00000001': { state: 'closed', closedAt: daysBefore(29) },
    };
    const report = await evictExpired(store, { retentionDays: 30, now: NOW, runState: async (id) => states[id]! });
    expect(report.runs).toEqual(['spec-old-00000001']);
    expect(await readdir(store.runDir('spec-old-00000001'))).toEqual(['evicted.json']);
    expect(await readEvictedMarker(store, 'spec-old-00000001')).toEqual({
      specId: 'spec-old-00000001',
      closedAt: daysBefore(31).toISOString(),
      evictedAt: NOW.toISOString(),
      retentionDays: 30,
    });
    expect((await readdir(store.runDir('spec-recent-00000001'))).sort()).toEqual([
      'requirements.r1.json',
      'ticket-plan.json',
    ]);
  });

  it('never touches an open run, however old its files', async () => {
    const store = await storeWithRuns(['spec-open-00000001']);
    await age(path.join(store.runDir('spec-open-00000001'), 'requirements.r1.json'), 400);
    const report = await evictExpired(store, {
      retentionDays: 30,
      now: NOW,
      runState: async () => ({ state: 'open' }),
    });
    expect(report.runs).toEqual([]);
    expect(await readdir(store.runDir('spec-open-00000001'))).toContain('requirements.r1.json');
  });

  it('ages a run Temporal no longer knows by its newest file', async () => {
    const store = await storeWithRuns(['spec-forgotten-00000001', 'spec-touched-00000001']);
    for (const file of ['requirements.r1.json', 'ticket-plan.json']) {
      await age(path.join(store.runDir('spec-forgotten-00000001'), file), 45);
      await age(path.join(store.runDir('spec-touched-00000001'), file), 45);
    }
    await age(path.join(store.runDir('spec-touched-00000001'), 'ticket-plan.json'), 2);
    const report = await evictExpired(store, {
      retentionDays: 30,
      now: NOW,
      runState: async () => ({ state: 'unknown' }),
    });
    expect(report.runs).toEqual(['spec-forgotten-00000001']);
  });

  it('leaves a run alone when its state cannot be read, and says so', async () => {
    const store = await storeWithRuns(['spec-unreachable-00000001']);
    const report = await evictExpired(store, {
      retentionDays: 30,
      now: NOW,
      runState: async () => {
        throw new Error('Temporal is down');
      },
    });
    expect(report).toMatchObject({ runs: [], skipped: ['spec-unreachable-00000001'] });
    expect(await readdir(store.runDir('spec-unreachable-00000001'))).toContain('requirements.r1.json');
  });

  it('removes cache entries not used within the retention period; a cache hit counts as a use', async () => {
    const store = await storeWithRuns([]);
    for (const name of ['unused.json', 'used.json', 'fresh.json']) await store.writeJson(store.cacheDir(), name, {});
    await age(path.join(store.cacheDir(), 'unused.json'), 40);
    await age(path.join(store.cacheDir(), 'used.json'), 40);
    expect(await store.readJsonIfPresent(store.cacheDir(), 'used.json')).toEqual({});
    const report = await evictExpired(store, {
      retentionDays: 30,
      now: new Date(),
      runState: async () => ({ state: 'open' }),
    });
    expect(report.cacheEntries).toBe(1);
    expect((await readdir(store.cacheDir())).sort()).toEqual(['fresh.json', 'used.json']);
  });

  it('does not evict an evicted run twice', async () => {
    const store = await storeWithRuns(['spec-old-00000002']);
    const options = {
      retentionDays: 30,
      now: NOW,
      runState: async (): Promise<RunState> => ({ state: 'closed', closedAt: daysBefore(60) }),
    };
    expect((await evictExpired(store, options)).runs).toEqual(['spec-old-00000002']);
    expect((await evictExpired(store, options)).runs).toEqual([]);
  });
});
