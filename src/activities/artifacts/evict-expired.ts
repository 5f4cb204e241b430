import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactStore } from './artifact-store';
import { EVICTED_MARKER, type EvictedMarker } from './evicted-marker';

const DAY_MS = 24 * 60 * 60 * 1000;

/** What Temporal says of a run: still open, closed at a time, or unknown (its history is gone). */
export type RunState = { state: 'open' } | { state: 'closed'; closedAt: Date } | { state: 'unknown' };

export interface EvictionOptions {
  retentionDays: number;
  /** Asked for every run folder; a run that is open is never touched. */
  runState: (specId: string) => Promise<RunState>;
  /** Injected so tests age runs without waiting. */
  now?: Date;
}

export interface EvictionReport {
  runs: string[];
  cacheEntries: number;
  /** Run folders left alone because their state could not be read (Temporal down): tried again next time. */
  skipped: string[];
}

/**
 * Removes what SPECFORGE_HOME would otherwise keep forever: the working files of runs closed for
 * longer than the retention period (a marker stays, so the API answers 410 Gone), and LLM cache
 * entries not used within it. Packs under SPECFORGE_OUT are the deliverable and are kept.
 */
export async function evictExpired(store: ArtifactStore, options: EvictionOptions): Promise<EvictionReport> {
  const now = options.now ?? new Date();
  const cutoff = now.getTime() - options.retentionDays * DAY_MS;
  const report: EvictionReport = { runs: [], cacheEntries: 0, skipped: [] };
  for (const specId of await folderNames(path.join(store.home, 'runs'))) {
    const entries = await entriesIn(store.runDir(specId));
    // A folder with no files of its own holds nothing to evict; one with the marker is evicted already.
    if (!entries.some((entry) => entry.isFile) || entries.some((entry) => entry.name === EVICTED_MARKER)) continue;
    let closedAt: Date;
    try {
      const run = await options.runState(specId);
      if (run.state === 'open') continue;
      // Temporal drops a closed run's history after the namespace's retention: the files' age stands in.
      closedAt =
        run.state === 'closed' ? run.closedAt : new Date(Math.max(...entries.map((entry) => entry.modifiedMs)));
    } catch {
      report.skipped.push(specId);
      continue;
    }
    if (closedAt.getTime() > cutoff) continue;
    await evictRun(store, specId, entries, {
      specId,
      closedAt: closedAt.toISOString(),
      evictedAt: now.toISOString(),
      retentionDays: options.retentionDays,
    });
    report.runs.push(specId);
  }
  for (const entry of await entriesIn(store.cacheDir())) {
    if (!entry.isFile || entry.modifiedMs > cutoff) continue;
    await rm(path.join(store.cacheDir(), entry.name), { force: true });
    report.cacheEntries += 1;
  }
  return report;
}

async function evictRun(
  store: ArtifactStore,
  specId: string,
  entries: { name: string }[],
  marker: EvictedMarker,
): Promise<void> {
  // The marker first: a reader between the two steps sees "gone", never "not found".
  await store.writeJson(store.runDir(specId), EVICTED_MARKER, marker);
  // Subfolders too (stored decision content, snapshots): nothing of the run's working state stays.
  for (const entry of entries) await rm(path.join(store.runDir(specId), entry.name), { recursive: true, force: true });
}

async function folderNames(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(emptyWhenMissing);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/** Files and folders directly inside `folder`, with when each was last written (a folder: when an entry was added). */
async function entriesIn(folder: string): Promise<{ name: string; isFile: boolean; modifiedMs: number }[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(emptyWhenMissing);
  const found = await Promise.all(
    entries.map(async (entry) => {
      const info = await stat(path.join(folder, entry.name)).catch(() => undefined);
      return info && { name: entry.name, isFile: entry.isFile(), modifiedMs: info.mtimeMs };
    }),
  );
  return found.filter((entry) => entry !== undefined);
}

function emptyWhenMissing(error: NodeJS.ErrnoException): never[] {
  if (error.code === 'ENOENT') return [];
  throw error;
}
