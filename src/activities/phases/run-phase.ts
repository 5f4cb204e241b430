import { Context } from '@temporalio/activity';
import type { PhaseName } from '../../shared/phases';
import type { PhaseResult, TokenUsage } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { sha256 } from '../artifacts/hash';
import type { Generator } from '../llm/generator';
import { PHASE_DEFINITIONS } from './index';
import { loadContext } from './load-context';
import type { PhaseDefinition } from './phase-definition';
import type { PhaseInput } from './phase-input';

interface CachedGeneration {
  content: unknown;
  usage: TokenUsage;
  model: string;
}

const HEARTBEAT_EVERY_MS = 3_000;

/**
 * Generates, validates and stores one phase. The answer is cached by (spec, phase, revision,
 * prompt hash) before the activity reports back, so a retry after a crash never pays twice.
 */
export async function runPhase(generator: Generator, store: ArtifactStore, input: PhaseInput): Promise<PhaseResult> {
  const definition = PHASE_DEFINITIONS[input.phase] as PhaseDefinition;
  const context = await loadContext(store, input);
  const promptHash = sha256(JSON.stringify([generator.provider, generator.model, context]));
  const cacheFile = `${sha256(JSON.stringify([input.specId, input.phase, input.revision, promptHash]))}.json`;
  let cached = true;
  let generation = await store.readJsonIfPresent<CachedGeneration>(store.cacheDir(), cacheFile);
  if (!generation) {
    cached = false;
    generation = await withHeartbeat((signal) => generator.generate(definition, context, signal));
    await store.writeJson(store.cacheDir(), cacheFile, generation);
  }
  const content = finalize(definition, definition.schema.parse(generation.content), context);
  return storePhase(store, input.specId, input.phase, input.revision, content, definition, {
    provider: generator.provider,
    model: generation.model,
    usage: generation.usage,
    cached,
  });
}

export async function storePhase(
  store: ArtifactStore,
  specId: string,
  phase: PhaseName,
  revision: number,
  content: unknown,
  definition: PhaseDefinition,
  meta: Pick<PhaseResult, 'provider' | 'model' | 'usage' | 'cached'>,
): Promise<PhaseResult> {
  const summary = definition.summarize(content as never);
  const artifact = await store.writeJson(store.runDir(specId), `${phase}.r${revision}.json`, { phase, revision, ...meta, content }, summary);
  return { phase, revision, artifact, ...meta };
}

export function finalize(definition: PhaseDefinition, content: unknown, context: Parameters<PhaseDefinition['offline']>[0]): unknown {
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
