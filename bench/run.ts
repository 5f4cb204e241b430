// npm run bench: fan-out times against the tracker fakes and the sample packs' validation and tokens.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, Runtime } from '@temporalio/worker';
import { closeSvgRenderer } from '../src/activities/validate/svg-renderer';
import { PHASES } from '../src/shared/phases';
import { startDevServer } from '../src/temporal/dev-server';
import { findTemporalCli } from '../src/temporal/find-temporal-cli';
import { WORKFLOWS_PATH } from '../src/workers/create-worker';
import { benchFanOut } from './fan-out';
import { median } from './median';
import { benchSamplePacks } from './sample-packs';

const REPEATS = Number(process.env.BENCH_REPEATS ?? 3);
const DELAY_MS = Number(process.env.BENCH_TRACKER_DELAY_MS ?? 20);

Runtime.install({ logger: new DefaultLogger('ERROR') });
const packs = await benchSamplePacks();
console.log(
  '\nSample packs (8 requests x 2 providers): validators passed, quality criteria passed, untraced FRs, time for 8 phases + render',
);
console.table(
  packs.map((row) => ({
    provider: row.provider,
    feature: row.feature.slice(0, 48),
    validators: row.validators,
    quality: row.quality,
    orphans: row.orphans,
    ms: Math.round(row.elapsedMs),
  })),
);
for (const provider of ['offline', 'scripted model']) {
  console.log(
    `median time per pack, ${provider}: ${Math.round(median(packs.filter((row) => row.provider === provider).map((row) => row.elapsedMs)))} ms`,
  );
}
const skipped = [...new Set(packs.flatMap((row) => row.skipped))];
if (skipped.length) console.log(`skipped: ${skipped.join('; ')}`);
console.log('\nTokens in/out per phase, scripted model (the fake counts 4 characters a token)');
console.table(
  packs
    .filter((row) => row.provider === 'scripted model')
    .map((row) => ({
      feature: row.feature.slice(0, 32),
      ...Object.fromEntries(
        PHASES.map((phase, index) => [phase, `${row.tokens[index]!.input}/${row.tokens[index]!.output}`]),
      ),
    })),
);

const cli = await findTemporalCli();
const server = await startDevServer({ cli, port: 7390 });
const folder = await mkdtemp(path.join(os.tmpdir(), 'specforge-bench-bundle-'));
const bundlePath = path.join(folder, 'bundle.js');
await writeFile(
  bundlePath,
  (await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: new DefaultLogger('ERROR') })).code,
);
const fanOut = await benchFanOut(server.address, bundlePath, DELAY_MS, REPEATS);
console.log(
  `\n40-ticket fan-out (epic + 40 tickets + 8 links), trackers answering after ${DELAY_MS} ms, median of ${REPEATS} runs`,
);
const baseline = new Map(fanOut.filter((row) => row.concurrency === 1).map((row) => [row.target, row.medianMs]));
console.table(
  fanOut.map((row) => ({
    target: row.target,
    concurrency: row.concurrency,
    'median ms': Math.round(row.medianMs),
    'speed-up vs 1': (baseline.get(row.target)! / row.medianMs).toFixed(2),
    runs: row.runs.map(Math.round).join(', '),
  })),
);
await server.stop();
await closeSvgRenderer();
process.exit(0);
