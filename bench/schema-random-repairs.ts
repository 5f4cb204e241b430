// npm run bench:schema-random: repair rounds per phase when the model answers random instances of the sent schema.
// Each phase is asked alone for every sample request, its earlier phases written by the offline
// templates, with the checks a run applies; only the repair loop runs (no quality regeneration).
import { createOpenAIGenerator } from '../src/activities/llm/openai-generator';
import { PHASE_DEFINITIONS } from '../src/activities/phases/index';
import type { PhaseContents } from '../src/activities/phases/phase-contents';
import type { PhaseContext, PhaseDefinition } from '../src/activities/phases/phase-definition';
import { finalize } from '../src/activities/phases/run-phase';
import { checkErrors, validatePhase } from '../src/activities/validate/validate-phase';
import { closeSvgRenderer } from '../src/activities/validate/svg-renderer';
import { PHASES, type PhaseName } from '../src/shared/phases';
import samples from '../tests/fixtures/sample-requests.json';
import { isRepair, schemaRandomModel, startFakeOpenAI } from '../tests/fakes/fake-openai';

interface PhaseRow {
  phase: PhaseName;
  asked: number;
  repairs: number;
  repairsForSchema: number;
  failed: number;
  firstFailure?: string;
}

const rows = new Map<PhaseName, PhaseRow>(
  PHASES.map((phase) => [phase, { phase, asked: 0, repairs: 0, repairsForSchema: 0, failed: 0 }]),
);
for (const sample of samples as { feature: string; description?: string }[]) {
  const earlier: Partial<PhaseContents> = {};
  for (const phase of PHASES) {
    const definition = PHASE_DEFINITIONS[phase] as PhaseDefinition;
    const context: PhaseContext = {
      specId: 'bench-schema-random',
      feature: sample.feature,
      description: sample.description ?? '',
      revision: 1,
      feedback: [],
      answers: {},
      earlier: { ...earlier },
    };
    await askOnce(phase, definition, context, rows.get(phase)!);
    earlier[phase] = finalize(definition, definition.offline(context), context) as never;
  }
}
await closeSvgRenderer();

console.log(
  `\nRepair rounds per phase against the schema-random model (${samples.length} sample requests, at most 2 repairs each)`,
);
console.table(
  [...rows.values()].map((row) => ({
    phase: row.phase,
    'repair rounds': row.repairs,
    'caused by the schema': row.repairsForSchema,
    'phases failed': `${row.failed}/${row.asked}`,
    'first failure': row.firstFailure?.slice(0, 90) ?? '',
  })),
);
const total = [...rows.values()].reduce(
  (sum, row) => ({
    repairs: sum.repairs + row.repairs,
    schema: sum.schema + row.repairsForSchema,
    failed: sum.failed + row.failed,
  }),
  { repairs: 0, schema: 0, failed: 0 },
);
console.log(
  `total: ${total.repairs} repair rounds, ${total.schema} caused by the schema, ${total.failed} of ${samples.length * PHASES.length} phases failed`,
);

async function askOnce(
  phase: PhaseName,
  definition: PhaseDefinition,
  context: PhaseContext,
  row: PhaseRow,
): Promise<void> {
  const model = schemaRandomModel();
  const fake = await startFakeOpenAI(model.reply);
  const generator = createOpenAIGenerator({
    apiKey: 'sk-bench-not-a-real-key',
    baseURL: fake.baseURL,
    model: 'schema-random',
    timeoutMs: 60_000,
  });
  const check = async (content: unknown) =>
    checkErrors(await validatePhase(phase, finalize(definition, content, context), context.earlier));
  row.asked += 1;
  try {
    await generator.generate(definition, context, check);
  } catch (error) {
    row.failed += 1;
    row.firstFailure ??= (error as Error).message;
  }
  // Every request gets an answer, so a repair request follows the answer just before it.
  fake.requests.forEach((request, index) => {
    if (!isRepair(request.body)) return;
    row.repairs += 1;
    if (model.answers[index - 1]!.schemaErrors.length > 0) row.repairsForSchema += 1;
  });
  await fake.close();
}
