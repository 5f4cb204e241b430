import path from 'node:path';
import type { DataConverter } from '@temporalio/common';
import type { WorkerOptions } from '@temporalio/worker';
import { distMatchesSources } from '../config/build-stamp.js';
import { DIST_FOLDER, PACKAGE_ROOT, RUNNING_FROM_BUILD } from '../config/package-root';

/**
 * The workflow bundles scripts/build.ts writes next to the compiled code. Two, because a worker
 * given a bundle ignores `failureConverterPath`: an encrypting deployment needs the bundle built
 * with the encrypting failure converter.
 */
export const WORKFLOW_BUNDLE_FILES = {
  plain: 'workflow-bundle.js',
  encrypting: 'encrypting-workflow-bundle.js',
} as const;

/**
 * The compiled worker loads its workflows from the bundle built with it, instead of bundling them
 * at every start (seconds of webpack). Running from the sources (tsx, tests), or from a dist/ older
 * than the sources (`node dist/worker.js` after a pull), it bundles them itself: a bundle older
 * than the sources is never used, since a run in flight would replay different workflow code.
 */
export function prebuiltWorkflowBundle(dataConverter: DataConverter | undefined): WorkerOptions['workflowBundle'] {
  if (!RUNNING_FROM_BUILD) return undefined;
  if (!distMatchesSources(PACKAGE_ROOT, DIST_FOLDER)) {
    console.error('specforge: dist/ is older than src/: npm run build (bundling the workflows from the sources)');
    return undefined;
  }
  const file = dataConverter?.failureConverterPath ? WORKFLOW_BUNDLE_FILES.encrypting : WORKFLOW_BUNDLE_FILES.plain;
  return { codePath: path.join(DIST_FOLDER, file) };
}
