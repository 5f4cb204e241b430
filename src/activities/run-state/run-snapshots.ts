import { readFile } from 'node:fs/promises';
import { ApplicationFailure } from '@temporalio/common';
import type { RunSnapshot } from '../../shared/run-snapshot';
import type { RunSnapshotRef } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { sha256 } from '../artifacts/hash';
import { FailureType } from '../../shared/failure-types';

/**
 * The state a run carries across continue-as-new, kept in the run's folder: the run that ends
 * writes it, the run that starts under the same workflow id reads it back by path and hash.
 */
export function createRunSnapshotActivities(store: ArtifactStore) {
  return {
    async saveRunSnapshot({ specId, snapshot }: { specId: string; snapshot: RunSnapshot }): Promise<RunSnapshotRef> {
      const path = `snapshots/${snapshot.status.continuedAsNew ?? 0}.json`;
      const written = await store.writeJson(store.runDir(specId), path, snapshot);
      return { path, sha256: written.sha256 };
    },

    async loadRunSnapshot({ specId, ref }: { specId: string; ref: RunSnapshotRef }): Promise<RunSnapshot> {
      const fail = (why: string) =>
        ApplicationFailure.nonRetryable(
          `The run's snapshot ${ref.path} ${why}; the run cannot resume`,
          FailureType.InvalidSnapshot,
        );
      const text = await readFile(store.resolveInside(store.runDir(specId), ref.path), 'utf8').catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') throw fail('is missing (the worker and the run that wrote it share no store?)');
          throw error;
        },
      );
      // A changed or foreign file would resume some other state: the run fails, saying so.
      if (sha256(text) !== ref.sha256) throw fail('does not match its sha256');
      return JSON.parse(text) as RunSnapshot;
    },
  };
}
