import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startDevServer, type DevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import { buildDist } from '../scripts/build';
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

/**
 * One real Temporal dev server and one build for the whole run. The build is dist/ from the current
 * sources, never an older one: the CLI tests run bin/specforge.js (dist/cli.js), and every test
 * worker gets the workflow bundles a compiled worker loads. Built only when the sources changed
 * since the last build, so a process running from dist/ meanwhile keeps its files.
 */
export async function setup(project: TestProject): Promise<void> {
  const cli = await findTemporalCli({ cliPath: process.env.TEMPORAL_CLI_PATH, onInstall: console.log });
  installTimeSkippingServer();
  server = await startDevServer({ cli, port: await freePort() });
  project.provide('temporalAddress', server.address);
  const bundles = await buildDist({ quiet: true, ifStale: true });
  project.provide('workflowBundlePath', bundles.plain);
  // The workflow sandbox takes its failure converter from the bundle, never from the worker's options.
  project.provide('encryptingWorkflowBundlePath', bundles.encrypting);
}

export async function teardown(): Promise<void> {
  await server?.stop();
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
