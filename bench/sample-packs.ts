import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ArtifactStore } from '../src/activities/artifacts/artifact-store';
import { PHASES } from '../src/shared/phases';
import samples from '../tests/fixtures/sample-requests.json';
import { startFakeOpenAI } from '../tests/fakes/fake-openai';
import { runAllPhases } from '../tests/helpers/run-all-phases';
import { benchProviders } from './providers';

/** Every sample request through all phases and the render, offline and from the scripted model. */
export async function benchSamplePacks() {
  const fake = await startFakeOpenAI();
  const providers = benchProviders(fake.baseURL);
  const rows = [];
  for (const [provider, generator] of providers) {
    for (const sample of samples) {
      const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-bench-'));
      const started = performance.now();
      const result = await runAllPhases(
        generator,
        new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs')),
        sample,
      );
      const elapsedMs = performance.now() - started;
      const report = JSON.parse(await readFile(path.join(result.pack.packDir, `report_${result.slug}.json`), 'utf8'));
      rows.push({
        provider,
        feature: sample.feature,
        elapsedMs,
        validators: `${report.validation.filter((check: { valid: boolean }) => check.valid).length}/${report.validation.length}`,
        skipped: report.validation
          .filter((check: { skipped?: string }) => check.skipped)
          .map((check: { skipped: string }) => check.skipped),
        quality: `${report.quality.filter((criterion: { passed: boolean }) => criterion.passed).length}/${report.quality.length}`,
        orphans: report.traceability.orphans.length,
        tokens: PHASES.map((phase) => result.phases[phase]!.usage),
      });
    }
  }
  await fake.close();
  return rows;
}
