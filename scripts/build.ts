// `npm run build` (and `prepare`, so `npm ci` builds): the compiled CLI and worker in dist/, and
// the workflow bundles they load. The sources are ESM with extension-less relative imports under
// `moduleResolution: Bundler`, which Node cannot load as plain `tsc` output: esbuild bundles each
// entry point instead, leaving node_modules external (native addons, Temporal's webpack, Mermaid).
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleWorkflowCode } from '@temporalio/worker';
import { build, type Plugin } from 'esbuild';
import { ENCRYPTING_FAILURE_CONVERTER_PATH } from '../src/codec/data-converter';
import {
  BUILD_STAMP_FILE,
  distMatchesSources,
  readBuildStamp,
  removeBuildStamp,
  stampOfSources,
  writeBuildStamp,
} from '../src/config/build-stamp.js';
import { DIST_FOLDER, PACKAGE_ROOT, packagePath } from '../src/config/package-root';
import { WORKFLOWS_PATH } from '../src/workers/create-worker';
import { WORKFLOW_BUNDLE_FILES } from '../src/workers/prebuilt-workflow-bundle';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../src/workers/worker-interceptors';

/** The compiled entry points: dist/cli.js (bin/specforge.js runs it) and dist/worker.js. */
const ENTRY_POINTS = { cli: packagePath('src/cli/main.ts'), worker: packagePath('src/workers/main.ts') };

type WorkflowBundlePaths = Record<keyof typeof WORKFLOW_BUNDLE_FILES, string>;

/**
 * Builds dist/ from the current sources; returns the workflow bundles' paths. With `ifStale`, a
 * dist/ whose stamp matches the sources is kept as it is (the test run, the cluster): no process
 * running from it meanwhile sees its files change.
 */
export async function buildDist(options: { quiet?: boolean; ifStale?: boolean } = {}): Promise<WorkflowBundlePaths> {
  const bundles = {
    plain: path.join(DIST_FOLDER, WORKFLOW_BUNDLE_FILES.plain),
    encrypting: path.join(DIST_FOLDER, WORKFLOW_BUNDLE_FILES.encrypting),
  };
  if (options.ifStale && distMatchesSources(PACKAGE_ROOT, DIST_FOLDER) && Object.values(bundles).every(existsSync))
    return bundles;
  // Taken before anything is read: a source edited while this runs leaves the new build stale.
  const stamp = stampOfSources(PACKAGE_ROOT);
  const previous = readBuildStamp(DIST_FOLDER);
  await mkdir(DIST_FOLDER, { recursive: true });
  // Until the new stamp is written, dist/ is a build under way: bin/specforge.js runs the sources.
  removeBuildStamp(DIST_FOLDER);
  // Not emptied first: a worker or CLI running from dist/ meanwhile (a test run) keeps its files.
  const { metafile } = await build({
    entryPoints: ENTRY_POINTS,
    outdir: DIST_FOLDER,
    bundle: true,
    // Shared code in chunks; each command's heavy modules in their own, loaded only when it runs.
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    plugins: [nodeResolvableDeepImports()],
    metafile: true,
    logLevel: options.quiet ? 'error' : 'warning',
  });
  await removeDeadOutputs(
    new Set(Object.keys(metafile.outputs).map((file) => path.resolve(file))),
    previous?.builtAt ?? 0,
  );
  await Promise.all([
    writeWorkflowBundle(WORKFLOW_BUNDLE_FILES.plain),
    writeWorkflowBundle(WORKFLOW_BUNDLE_FILES.encrypting, ENCRYPTING_FAILURE_CONVERTER_PATH),
  ]);
  writeBuildStamp(DIST_FOLDER, stamp);
  return bundles;
}

/**
 * Chunks are named by content hash, so a new build leaves the earlier ones unused by its entry
 * points. A process started from the previous build (a worker, the API, a CLI) still loads its
 * chunks lazily, so those are kept: removed are only files this build did not write that are older
 * than the previous build, i.e. dead two builds ago. Without a previous stamp nothing is removed.
 */
async function removeDeadOutputs(written: Set<string>, previousBuildAt: number): Promise<void> {
  const kept = new Set<string>([...Object.values(WORKFLOW_BUNDLE_FILES), BUILD_STAMP_FILE]);
  for (const name of await readdir(DIST_FOLDER)) {
    const file = path.join(DIST_FOLDER, name);
    if (written.has(file) || kept.has(name) || name.endsWith('.tmp')) continue;
    const modified = await stat(file).then(
      (found) => found.mtimeMs,
      () => Number.POSITIVE_INFINITY,
    );
    if (modified < previousBuildAt) await rm(file, { force: true });
  }
}

/** Bundled once here, so a compiled worker starts without webpack (see prebuilt-workflow-bundle.ts). */
async function writeWorkflowBundle(name: string, failureConverterPath?: string): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    ...(failureConverterPath ? { failureConverterPath } : {}),
    logger: quietLogger(),
  });
  const file = path.join(DIST_FOLDER, name);
  // Written whole then renamed: a worker starting meanwhile never reads half a bundle.
  await mkdir(DIST_FOLDER, { recursive: true });
  await writeFile(`${file}.${process.pid}.tmp`, code);
  await rename(`${file}.${process.pid}.tmp`, file);
  return file;
}

/**
 * A deep import of a CommonJS package without an exports map (`@temporalio/common/lib/x`) works
 * under tsx but not in Node's ESM loader, which wants the file: the external import names it.
 * A package with an exports map resolves its own subpaths and is left alone.
 */
function nodeResolvableDeepImports(): Plugin {
  const require = createRequire(ENTRY_POINTS.cli);
  return {
    name: 'node-resolvable-deep-imports',
    setup(builder) {
      builder.onResolve({ filter: /^(@[^/]+\/)?[^./@][^/]*\/.+/ }, ({ path: specifier }) => {
        const packageName = specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/');
        const manifest = manifestOf(packageName);
        if (!manifest || (require(manifest) as { exports?: unknown }).exports)
          return { path: specifier, external: true };
        const file = path.relative(path.dirname(manifest), require.resolve(specifier)).split(path.sep).join('/');
        return { path: `${packageName}/${file}`, external: true };
      });
    },
  };

  /** Undefined when the exports map hides package.json: a package with an exports map anyway. */
  function manifestOf(packageName: string): string | undefined {
    try {
      return require.resolve(`${packageName}/package.json`);
    } catch {
      return undefined;
    }
  }
}

function quietLogger() {
  const nothing = () => undefined;
  return { trace: nothing, debug: nothing, info: nothing, warn: console.warn, error: console.error, log: nothing };
}

/** `npm run build` always builds; `npm run build -- --if-stale` only when dist/ does not match the sources. */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const ifStale = process.argv.includes('--if-stale');
  if (ifStale && distMatchesSources(PACKAGE_ROOT, DIST_FOLDER)) {
    console.log('specforge: dist/ matches the sources');
  } else {
    const started = performance.now();
    await buildDist();
    console.log(`specforge: built dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
