import type { PhaseName } from '../../shared/phases';
import type { PhaseResult } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { sha256 } from '../artifacts/hash';
import type { Generation, Generator } from '../llm/generator';
import { evaluateQuality } from '../quality/quality-criteria';
import type { PhaseCheck } from '../../review/review-types';
import { checkErrors, schemaCheck, validatePhase } from '../validate/validate-phase';
import { withHeartbeat } from '../with-heartbeat';
import { gateOrphans } from './gate-orphans';
import { PHASE_DEFINITIONS } from './index';
import { inputsHashOf } from './inputs-hash';
import { loadContext } from './load-context';
import { phaseFileName } from './phase-file-name';
import type { PhaseContext, PhaseDefinition } from './phase-definition';
import type { PhaseInput } from './phase-input';

/**
 * Generates, checks and stores one phase. Answers are cached by (spec, phase, revision, prompt
 * hash) before the activity reports back, so a retry after a crash never pays twice. A failed
 * quality criterion earns one targeted regeneration before a person is asked. Generation reads
 * only the phase's declared inputs; the result carries their hash, so a reopen upstream that
 * leaves them unchanged keeps its approval.
 */
export async function runPhase(generator: Generator, store: ArtifactStore, input: PhaseInput): Promise<PhaseResult> {
  const definition = PHASE_DEFINITIONS[input.phase] as PhaseDefinition;
  const context = await loadContext(store, input);
  let attempt = await generateChecked(generator, store, definition, input, context);
  let quality = evaluateQuality({ ...context.earlier, [input.phase]: attempt.content }, input.phase);
  const failed = quality.filter((result) => !result.passed);
  if (failed.length > 0) {
    const feedback = failed.map((result) => `Quality gate "${result.criterion}" failed: ${result.reasons.join('; ')}`);
    const retry = await generateChecked(generator, store, definition, input, {
      ...context,
      feedback: [...context.feedback, ...feedback],
    });
    const retryQuality = evaluateQuality({ ...context.earlier, [input.phase]: retry.content }, input.phase);
    const usage = { input: attempt.usage.input + retry.usage.input, output: attempt.usage.output + retry.usage.output };
    attempt = { ...retry, usage, cached: attempt.cached && retry.cached };
    quality = retryQuality;
  }
  return storePhase(
    store,
    input.specId,
    input.phase,
    input.revision,
    attempt.content,
    definition,
    {
      provider: generator.provider,
      model: attempt.model,
      usage: attempt.usage,
      cached: attempt.cached,
      quality,
      orphans: await gateOrphans(store, input, attempt.content),
      inputsHash: inputsHashOf(input.phase, context),
    },
    attempt.checks,
    ...(input.speculative ? [`${input.phase}.r${input.revision}.speculative.json`] : []),
  );
}

/** A model's answer as the cache keeps it, with the checks its content passed. */
type CachedGeneration = Generation<unknown> & { checks?: PhaseCheck[] };

/** One generation whose content passed the schema and every check, finalized by code, with those checks. */
async function generateChecked(
  generator: Generator,
  store: ArtifactStore,
  definition: PhaseDefinition,
  input: PhaseInput,
  context: PhaseContext,
): Promise<Generation<unknown> & { cached: boolean; checks: PhaseCheck[] }> {
  // Everything the prompt is made of, the context document and its sha256 included: a run with another document never reuses an answer.
  const promptHash = sha256(JSON.stringify([generator.provider, generator.model, context]));
  const cacheFile = `${sha256(JSON.stringify([input.specId, input.phase, input.revision, promptHash]))}.json`;
  const cached = await store.readJsonIfPresent<CachedGeneration>(store.cacheDir(), cacheFile);
  // Checks are cached with the answer (they depend only on it and the context the key covers): a
  // speculative answer taken on approval is not checked again, so the reviewer waits for no parser.
  // Generators return only content whose check passed, so the last check run is the accepted content's.
  let checks: PhaseCheck[] | undefined = cached?.checks;
  const check = async (content: unknown) =>
    checkErrors((checks = await validatePhase(input.phase, finalize(definition, content, context), context.earlier)));
  const generation =
    cached ?? (await withHeartbeat((progress) => generator.generate(definition, context, check, progress)));
  const content = finalize(definition, definition.schema.parse(generation.content), context);
  // An answer cached before checks were kept with it is checked here.
  checks ??= await validatePhase(input.phase, content, context.earlier);
  if (!cached) await store.writeJson(store.cacheDir(), cacheFile, { ...generation, checks });
  return { ...generation, content, cached: Boolean(cached), checks: [schemaCheck([]), ...checks] };
}

export async function storePhase(
  store: ArtifactStore,
  specId: string,
  phase: PhaseName,
  revision: number,
  content: unknown,
  definition: PhaseDefinition,
  meta: Omit<PhaseResult, 'phase' | 'revision' | 'artifact'>,
  /** Written to the phase file for reviewers; kept out of the result, which goes into history. */
  checks: PhaseCheck[],
  file = phaseFileName(phase, revision),
): Promise<PhaseResult> {
  const summary = definition.summarize(content as never);
  const artifact = await store.writeJson(
    store.runDir(specId),
    file,
    { phase, revision, ...meta, checks, content },
    summary,
  );
  return { phase, revision, artifact, ...meta };
}

export function finalize(definition: PhaseDefinition, content: unknown, context: PhaseContext): unknown {
  return definition.finalize ? definition.finalize(content as never, context) : content;
}
