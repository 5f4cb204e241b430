import { readFile } from 'node:fs/promises';
import { ApplicationFailure } from '@temporalio/common';
import type { ProjectContextRef } from '../../shared/project-context-ref';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { sha256 } from '../artifacts/hash';
import { FailureType } from '../../shared/failure-types';

/** The team's context document as a phase reads it. */
export interface ProjectContext {
  source: string;
  sha256: string;
  text: string;
}

/** The stored document a run's reference names, checked against the hash the run started with. */
export async function readProjectContext(store: ArtifactStore, reference: ProjectContextRef): Promise<ProjectContext> {
  const text = await readFile(store.resolveInside(store.home, reference.path), 'utf8').catch(
    (error: NodeJS.ErrnoException) => {
      // The API or CLI that started the run wrote it; a worker on another disk cannot see it, and retrying will not help.
      if (error.code === 'ENOENT')
        throw ApplicationFailure.nonRetryable(
          `The context document ${reference.source} (${reference.path}) is not in this worker's store: the starter and the worker must share SPECFORGE_HOME`,
          FailureType.ContextMissing,
        );
      throw error;
    },
  );
  if (sha256(text) !== reference.sha256) {
    throw ApplicationFailure.nonRetryable(
      `The context document ${reference.path} changed after the run started (sha256 ${sha256(text)}, expected ${reference.sha256})`,
      FailureType.ContextChanged,
    );
  }
  return { source: reference.source, sha256: reference.sha256, text };
}
