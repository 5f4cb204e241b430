// npm run bench:context: tokens per phase with and without a context document, against the fake
// OpenAI server (it counts a token per 4 characters of the messages, as bench/sample-packs.ts does).
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ArtifactStore } from '../src/activities/artifacts/artifact-store';
import { createOpenAIGenerator } from '../src/activities/llm/openai-generator';
import { closeSvgRenderer } from '../src/activities/validate/svg-renderer';
import { PHASES, type PhaseName } from '../src/shared/phases';
import { MAX_CONTEXT_LENGTH } from '../src/shared/project-context-ref';
import samples from '../tests/fixtures/sample-requests.json';
import { startFakeOpenAI } from '../tests/fakes/fake-openai';
import { runPackWithContext } from '../tests/helpers/run-pack-with-context';

const document = await readFile(
  new URL('../tests/fixtures/contexts/go-kafka-mysql.context.md', import.meta.url),
  'utf8',
);
// The largest document a run takes: the same text repeated to the cap.
const largest = document.repeat(Math.ceil(MAX_CONTEXT_LENGTH / document.length)).slice(0, MAX_CONTEXT_LENGTH);
const variants = [
  ['without', undefined],
  [`with ${document.length} chars`, document],
  [`with ${largest.length} chars`, largest],
] as const;

const fake = await startFakeOpenAI();
const generator = createOpenAIGenerator({
  apiKey: 'sk-bench-not-a-key',
  baseURL: fake.baseURL,
  model: 'gpt-bench',
  timeoutMs: 10_000,
});
/** Input and output tokens per phase, summed over the sample requests, for each variant. */
const totals = new Map<string, Record<PhaseName, { input: number; output: number }>>();
for (const [name, text] of variants) {
  const perPhase = Object.fromEntries(PHASES.map((phase) => [phase, { input: 0, output: 0 }])) as Record<
    PhaseName,
    { input: number; output: number }
  >;
  for (const sample of samples) {
    const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-bench-context-'));
    const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
    const { results } = await runPackWithContext(
      store,
      { ...sample, ...(text ? { context: { text, source: 'specforge.context.md' } } : {}) },
      generator,
    );
    for (const phase of PHASES) {
      perPhase[phase].input += results[phase]!.usage.input;
      perPhase[phase].output += results[phase]!.usage.output;
    }
  }
  totals.set(name, perPhase);
}
await fake.close();
await closeSvgRenderer();

const mean = (value: number) => Math.round(value / samples.length);
console.log(
  `\nTokens per phase, mean of ${samples.length} sample requests, scripted model (4 characters a token); context: tests/fixtures/contexts/go-kafka-mysql.context.md`,
);
console.table(
  Object.fromEntries(
    PHASES.map((phase) => [
      phase,
      Object.fromEntries(
        variants.flatMap(([name]) => {
          const usage = totals.get(name)![phase];
          return [[`in, ${name}`, mean(usage.input)], ...(name === 'without' ? [['out', mean(usage.output)]] : [])];
        }),
      ),
    ]),
  ),
);
for (const [name] of variants.slice(1)) {
  const added = PHASES.reduce(
    (sum, phase) => sum + totals.get(name)![phase].input - totals.get('without')![phase].input,
    0,
  );
  const before = PHASES.reduce((sum, phase) => sum + totals.get('without')![phase].input, 0);
  console.log(
    `${name}: +${mean(added)} input tokens a run (+${Math.round((added / before) * 100)}%), +${mean(added / PHASES.length)} a phase`,
  );
}
process.exit(0);
