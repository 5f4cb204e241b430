import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { ENCRYPTING_FAILURE_CONVERTER_PATH } from '../src/codec/data-converter';
import { startDevServer, type DevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import { WORKFLOWS_PATH } from '../src/workers/create-worker';
import { WORKFLOW_INTERCEPTOR_MODULES } from '../src/workers/worker-interceptors';
import { freePort } from './helpers/free-port';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    workflowBundlePath: string;
    /** The same workflows built with the failure converter that encodes messages and stack traces. */
    encryptingWorkflowBundlePath: string;
  }
}

let server: DevServer | undefined;
let folder: string | undefined;

/** One real Temporal dev server and one workflow bundle for the whole run. */
export async function setup(project: TestProject): Promise<void> {
  const cli = await findTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH, onInstall: console.log });
  installTimeSkippingServer();
  server = await startDevServer({ cli, port: await freePort() });
  folder = await mkdtemp(path.join(os.tmpdir(), 'specforge-bundle-'));
  project.provide('temporalAddress', server.address);
  project.provide('workflowBundlePath', await writeBundle(folder, 'workflow-bundle.js'));
  // The workflow sandbox takes its failure converter from the bundle, never from the worker's options.
  project.provide(
    'encryptingWorkflowBundlePath',
    await writeBundle(folder, 'encrypting-workflow-bundle.js', ENCRYPTING_FAILURE_CONVERTER_PATH),
  );
}

async function writeBundle(folder: string, name: string, failureConverterPath?: string): Promise<string> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    ...(failureConverterPath ? { failureConverterPath } : {}),
    logger: silentLogger(),
  });
  const bundlePath = path.join(folder, name);
  await writeFile(bundlePath, code);
  return bundlePath;
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
}

/**
 * The time-skipping tests (a 24 h reminder) need Temporal's Java test server from Maven Central;
 * installed once, so `npm test` alone runs them. If it cannot be installed they say why and skip
 * (on CI they fail instead).
 */
function installTimeSkippingServer(): void {
  const script = path.join(import.meta.dirname, '..', 'scripts', 'temporal-test-server.sh');
  if (spawnSync('bash', [script, '--check'], { stdio: 'ignore' }).status === 0) return;
  console.log("Installing Temporal's time-skipping test server (Maven Central, once)...");
  const install = spawnSync('bash', [script], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (install.status !== 0)
    console.warn('The time-skipping test server could not be installed; those tests will say why.');
}

function silentLogger() {
  const nothing = () => undefined;
  return { log: nothing, trace: nothing, debug: nothing, info: nothing, warn: console.warn, error: console.error };
}
