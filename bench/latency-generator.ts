import { setTimeout as sleep } from 'node:timers/promises';
import { ApplicationFailure } from '@temporalio/common';
import { compactEarlier } from '../src/activities/llm/compact-earlier';
import type { Generator } from '../src/activities/llm/generator';
import { createOfflineGenerator } from '../src/activities/llm/offline-generator';
import { reviewerNotes } from '../src/activities/llm/offline/reviewer-notes';
import type { PhaseContents } from '../src/activities/phases/phase-contents';
import type { PhaseContext, PhaseDefinition } from '../src/activities/phases/phase-definition';
import { dependentsOf } from '../src/shared/phase-graph';
import type { PhaseName } from '../src/shared/phases';
import { restructure, RESTRUCTURE_MARKER } from './restructure';

export interface LatencyGenerator extends Generator {
  /** Generate calls per phase made for one run so far. */
  callsOf(specId: string): Partial<Record<PhaseName, number>>;
}

/**
 * The offline generator behind a model's latency: every generate call waits `latencyMs` and is
 * counted per run and phase. Feedback holding the restructure marker changes what the phase's
 * compact summary shows; any other feedback lands in the reviewer notes only (the offline
 * requirements would turn it into one more FR, so no requirements reopen could leave its readers standing).
 */
export function createLatencyGenerator(latencyMs: number): LatencyGenerator {
  const offline = createOfflineGenerator();
  const calls = new Map<string, Partial<Record<PhaseName, number>>>();
  return {
    provider: offline.provider,
    model: offline.model,
    callsOf: (specId) => ({ ...calls.get(specId) }),
    async generate(definition, context, check, progress) {
      const counted = calls.get(context.specId) ?? {};
      counted[definition.name] = (counted[definition.name] ?? 0) + 1;
      calls.set(context.specId, counted);
      await sleep(latencyMs, undefined, { signal: progress?.signal });
      return offline.generate({ ...definition, offline: benchOffline(definition) }, context, check, progress);
    },
  };
}

function benchOffline<Name extends PhaseName>(definition: PhaseDefinition<Name>) {
  return (context: PhaseContext): PhaseContents[Name] => {
    const written =
      definition.name === 'requirements'
        ? { ...definition.offline({ ...context, feedback: [] }), reviewerNotes: reviewerNotes(context.feedback) }
        : definition.offline(context);
    if (!context.feedback.some((feedback) => feedback.includes(RESTRUCTURE_MARKER))) return written;
    const changed = restructure(definition.name, written);
    // The offline generator runs the phase's checks on what this returns; the schema and the summary are checked here.
    const parsed = definition.schema.safeParse(changed);
    if (!parsed.success)
      throw ApplicationFailure.nonRetryable(
        `The restructured ${definition.name} fails its schema: ${parsed.error.message}`,
      );
    const summary = (content: PhaseContents[Name]) => JSON.stringify(compactEarlier({ [definition.name]: content }));
    if (dependentsOf(definition.name).length > 0 && summary(changed) === summary(written))
      throw ApplicationFailure.nonRetryable(`The restructured ${definition.name} shows its readers no change`);
    return changed;
  };
}
