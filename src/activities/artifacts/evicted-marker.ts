import type { ArtifactStore } from './artifact-store';

/** Left in a run's folder when its files are removed, so readers can say "gone" rather than "never existed". */
export const EVICTED_MARKER = 'evicted.json';

export interface EvictedMarker {
  specId: string;
  /** When the run closed (or, when Temporal no longer knew it, when its folder was last written). */
  closedAt: string;
  evictedAt: string;
  retentionDays: number;
}

export function readEvictedMarker(store: ArtifactStore, specId: string): Promise<EvictedMarker | undefined> {
  return store.readJsonIfPresent<EvictedMarker>(store.runDir(specId), EVICTED_MARKER);
}
