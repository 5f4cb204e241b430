import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { FailureType } from '../../shared/failure-types';

/**
 * The folder a run asked its pack to go to, resolved against the worker's output root
 * (SPECFORGE_OUT): a relative folder lands inside the root, an absolute one must already be there.
 * A workflow started directly through Temporal can carry any `outDir`, so the worker never trusts
 * it: anywhere else fails the run at once, naming the setting that decides.
 */
export function resolveOutDir(root: string, outDir: string | undefined): string {
  const base = path.resolve(root);
  if (outDir === undefined || outDir === '') return base;
  const target = path.resolve(base, outDir);
  if (target !== base && !target.startsWith(base + path.sep)) {
    throw ApplicationFailure.nonRetryable(
      `The run's outDir "${outDir.slice(0, 200)}" is outside this worker's output root ${base} (SPECFORGE_OUT): ` +
        'name a folder inside it, or start the worker with SPECFORGE_OUT set to a folder that contains it',
      FailureType.OutDirOutsideRoot,
    );
  }
  return target;
}
