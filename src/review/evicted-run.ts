import type { ArtifactStore } from '../activities/artifacts/artifact-store';
import { readEvictedMarker } from '../activities/artifacts/evicted-marker';
import { HttpProblem } from '../api/problem';

/**
 * 410 Gone when the worker has removed the run's revisions after the retention period: the run
 * existed, and asking again will not bring them back. Nothing when the run was never evicted.
 */
export async function assertNotEvicted(store: ArtifactStore, specId: string): Promise<void> {
  const marker = await readEvictedMarker(store, specId);
  if (!marker) return;
  throw new HttpProblem(
    410,
    'Gone',
    `Run ${specId} closed at ${marker.closedAt}; its phase revisions were removed at ${marker.evictedAt}, ` +
      `${marker.retentionDays} days later (SPECFORGE_RETENTION_DAYS). Its pack stays where it was written.`,
    [{ field: 'id', message: `evicted at ${marker.evictedAt}` }],
  );
}
