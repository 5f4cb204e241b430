import { Context } from '@temporalio/activity';
import type { PhaseName } from '../../shared/phases';
import type { PhaseResult } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { sha256 } from '../artifacts/hash';
import type { Generation, Generator } from '../llm/generator';
import { evaluateQuality } from '../quality/quality-criteria';
import { orphanRequirements } from '../quality/orphan-requirements';
import { validatePhase } from '../validate/validate-phase';
import { PHASE_DEFINITIONS } from './index';
import { loadContext } from './load-context';
import type { PhaseContents } from './phase-contents';
import type { PhaseContext, PhaseDefinition } from './phase-definition';
import type { PhaseInput } from './phase-input';

const HEARTBEAT_EVERY_MS = 3_000;

/**
 * Generates, checks and stores one phase. Answers are cached by (spec, phase, revision, prompt
 * hash) before the activity reports back, so a retry after a crash never pays twice. A failed
 * quality criterion earns one targeted regeneration before a person is asked.
 */
export async function runPhase(generator: Generator, store: ArtifactStore, input: PhaseInput): Promise<PhaseResult> {
  const definition = PHASE_DEFINITIONS[input.phase] as PhaseDefinition;
  const context = await loadContext(store, input);
  let attempt = await generateChecked(generator, store, definition, input, context);
  let quality = evaluateQuality({ ...context.earlier, [input.phase]: attempt.content }, input.phase);
  const failed = quality.filter((result) => !result.passed);
  if (failed.length > 0) {
    const feedback = failed.map((result) => `Quality gate "${result.criterion}" failed: ${result.reasons.join('; ')}`);
    const retry = await generateChecked(generator, store, definition, input, { ...context, feedback: [...context.feedback, ...feedback] });
    const retryQuality = evaluateQuality({ ...context.earlier, [input.phase]: retry.content }, input.phase);
    const usage = { input: attempt.usage.input + retry.usage.input, output: attempt.usage.output + retry.usage.output };
    attempt = { ...retry, usage, cached: attempt.cached && retry.cached };
    quality = retryQuality;
  }
  const phases = { ...context.earlier, [input.phase]: attempt.content } as Partial<PhaseContents>;
  return storePhase(store, input.specId, input.phase, input.revision, attempt.content, definition, {
    provider: generator.provider,
    model: attempt.model,
    usage: attempt.usage,
    cached: attempt.cached,
    quality,
    orphans: orphanRequirements(phases),
  });
}

/** One generation whose content passed the schema and every check, finalized by code. */
async function generateChecked(
  generator: Generator,
  store: ArtifactStore,
  definition: PhaseDefinition,
  input: PhaseInput,
  context: PhaseContext,
): Promise<Generation<unknown> & { cached: boolean }> {
  const promptHash = sha256(JSON.stringify([generator.provider, generator.model, context]));
  const cacheFile = `${sha256(JSON.stringify([input.specId, input.phase, input.revision, promptHash]))}.json`;
  const cached = await store.readJsonIfPresent<Generation<unknown>>(store.cacheDir(), cacheFile);
  const generation =
    cached ??
    (await withHeartbeat((signal) =>
      generator.generate(definition, context, (content) => validatePhase(input.phase, finalize(definition, content, context), context.earlier), signal),
    ));
  if (!cached) await store.writeJson(store.cacheDir(), cacheFile, generation);
  return { ...generation, content: finalize(definition, definition.schema.parse(generation.content), context), cached: Boolean(cached) };
}

export async function storePhase(
  store: ArtifactStore,
  specId: string,
  phase: PhaseName,
  revision: number,
  content: unknown,
  definition: PhaseDefinition,
  meta: Omit<PhaseResult, 'phase' | 'revision' | 'artifact'>,
): Promise<PhaseResult> {
  const summary = definition.summarize(content as never);
  const artifact = await store.writeJson(store.runDir(specId), `${phase}.r${revision}.json`, { phase, revision, ...meta, content }, summary);
  return { phase, revision, artifact, ...meta };
}

export function finalize(definition: PhaseDefinition, content: unknown, context: PhaseContext): unknown {
  return definition.finalize ? definition.finalize(content as never, context) : content;
}

async function withHeartbeat<T>(work: (signal?: AbortSignal) => Promise<T>): Promise<T> {
  let context: Context | undefined;
  try {
    context = Context.current();
  } catch {
    return work();
  }
  const timer = setInterval(() => context!.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    return await work(context.cancellationSignal);
  } finally {
    clearInterval(timer);
  }
}
