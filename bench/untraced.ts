// node --import tsx bench/untraced.ts: untraced tickets, test cases and NFRs across the sample requests, offline and from the
// scripted model, with the quality criteria that fail (BENCH_VERBOSE=1 lists them).
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ArtifactStore } from '../src/activities/artifacts/artifact-store';
import { loadPhaseContents } from '../src/activities/phases/load-phase-contents';
import { evaluateQuality } from '../src/activities/quality/quality-criteria';
import { untracedItems } from '../src/activities/quality/untraced-items';
import { planTickets } from '../src/activities/tickets/plan-tickets';
import { closeSvgRenderer } from '../src/activities/validate/svg-renderer';
import samples from '../tests/fixtures/sample-requests.json';
import { startFakeOpenAI } from '../tests/fakes/fake-openai';
import { runAllPhases } from '../tests/helpers/run-all-phases';
import { benchProviders } from './providers';

const fake = await startFakeOpenAI();
const providers = benchProviders(fake.baseURL);
const rows = [];
for (const [provider, generator] of providers) {
  for (const sample of samples) {
    const store = new ArtifactStore(...(await storeDirs()));
    const run = await runAllPhases(generator, store, sample);
    const phases = await loadPhaseContents(
      store,
      Object.fromEntries(Object.values(run.phases).map((result) => [result.phase, result.artifact])),
    );
    const plan = planTickets(run.specId, sample.feature, phases);
    const untraced = untracedItems(phases, plan);
    const failed = evaluateQuality(phases).filter((result) => !result.passed);
    rows.push({
      provider,
      feature: sample.feature.slice(0, 40),
      tickets: `${untraced.tickets.length}/${plan.tickets.length}`,
      'test cases': `${untraced.testCases.length}/${phases.testing?.cases.length ?? 0}`,
      NFRs: `${untraced.nonFunctional.length}/${phases.requirements?.nonFunctional.length ?? 0}`,
      'failed criteria': failed.length,
      reasons: failed.map((result) => `${result.criterion}: ${result.reasons.join('; ')}`).join('\n'),
      untraced: [...untraced.tickets, ...untraced.testCases, ...untraced.nonFunctional].join(' '),
    });
  }
}
console.log('Untraced items per sample request (untraced/all)');
console.table(rows.map(({ untraced: _untraced, reasons: _reasons, ...row }) => row));
for (const [provider] of providers) {
  const mine = rows.filter((row) => row.provider === provider);
  const sum = (column: 'tickets' | 'test cases' | 'NFRs') =>
    mine
      .reduce(
        (totals, row) => {
          const [untraced, all] = row[column].split('/').map(Number);
          return [totals[0]! + untraced!, totals[1]! + all!];
        },
        [0, 0],
      )
      .join('/');
  console.log(`${provider}: untraced tickets ${sum('tickets')}, test cases ${sum('test cases')}, NFRs ${sum('NFRs')}`);
}
if (process.env.BENCH_VERBOSE)
  for (const row of rows)
    console.log(
      `\n${row.provider} / ${row.feature}\n  untraced: ${row.untraced || 'none'}\n  ${row.reasons || 'every criterion passed'}`,
    );
await fake.close();
await closeSvgRenderer();
process.exit(0);

async function storeDirs(): Promise<[string, string]> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-untraced-'));
  return [path.join(root, 'home'), path.join(root, 'specs')];
}
