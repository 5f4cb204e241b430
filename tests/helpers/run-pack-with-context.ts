import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { saveProjectContext, type ContextDocument } from '../../src/activities/context/save-project-context';
import type { Generator } from '../../src/activities/llm/generator';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import { loadPhaseContents } from '../../src/activities/phases/load-phase-contents';
import { runPhase } from '../../src/activities/phases/run-phase';
import { renderPack } from '../../src/activities/render/render-pack';
import { PHASES, type PhaseName } from '../../src/shared/phases';
import type { PhaseResult } from '../../src/shared/spec-run';
import { slugify } from '../../src/shared/slug';

export interface PackRequest {
  feature: string;
  description?: string;
  /** The team's context document, stored as a starter stores it. */
  context?: ContextDocument;
  /** Answers given when requirements are approved: they reach every later phase. */
  answers?: Record<string, string>;
}

/**
 * The phase activities and the render activity in order, as an unattended run calls them, with a
 * context document and answers at the requirements gate. Returns the pack's files as text too.
 */
export async function runPackWithContext(
  store: ArtifactStore,
  request: PackRequest,
  generator: Generator = createOfflineGenerator(),
) {
  const specId = `spec-context-${randomUUID().slice(0, 8)}`;
  const context = request.context && (await saveProjectContext(store, request.context));
  const answers = request.answers ?? {};
  const results: Partial<Record<PhaseName, PhaseResult>> = {};
  for (const phase of PHASES) {
    const earlier = Object.fromEntries(Object.values(results).map((result) => [result.phase, result.artifact]));
    // Answers arrive with the approval of requirements, so requirements itself is generated without them.
    results[phase] = await runPhase(generator, store, {
      specId,
      phase,
      revision: 1,
      feature: request.feature,
      description: request.description ?? '',
      feedback: [],
      answers: phase === 'requirements' ? {} : answers,
      earlier,
      ...(context ? { context } : {}),
    });
  }
  const slug = slugify(request.feature);
  const pack = await renderPack(store, {
    specId,
    slug,
    feature: request.feature,
    description: request.description ?? '',
    status: 'completed',
    phases: results,
    decisions: [],
    answers,
    timings: [],
    ...(context ? { context } : {}),
  });
  const files = await readdir(pack.packDir);
  const texts = Object.fromEntries(
    await Promise.all(
      files
        .filter((file) => /\.(md|mmd|yaml|json)$/.test(file))
        .map(async (file) => [file, await readFile(path.join(pack.packDir, file), 'utf8')] as const),
    ),
  );
  const report = JSON.parse(texts[`report_${slug}.json`]!);
  const phases = await loadPhaseContents(
    store,
    Object.fromEntries(Object.values(results).map((result) => [result.phase, result.artifact])),
  );
  return { specId, slug, context, results, phases, pack, report, texts, allText: Object.values(texts).join('\n') };
}
