import { stringify } from 'yaml';
import { PHASES } from '../../shared/phases';
import type { ArtifactRef, PhaseResult } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import type { PhaseContents } from '../phases/phase-contents';
import { LLM_PRICES, llmCostUsd } from '../llm/llm-prices';
import { answeredRequirements } from '../phases/answered-requirements';
import { loadPhaseContents } from '../phases/load-phase-contents';
import { evaluateQuality } from '../quality/quality-criteria';
import { renderMermaidSvg } from '../validate/svg-renderer';
import { validatePack } from '../validate/validate-pack';
import type { ValidationResult } from '../validate/validation-result';
import { renderArchitectureDiagram } from './architecture-diagram';
import { renderOpenApiDocument } from './openapi-document';
import { failureReport, totalUsage } from './failure-report';
import { reportSchema } from './report-schema';
import type { PackContents } from './pack-contents';
import { packFiles } from './pack-files';
import { provenance } from './provenance';
import type { RenderInput } from './render-input';
import { renderRolloutPlan } from './rollout-plan';
import { renderTechnicalSpec } from './technical-spec';
import { renderTestPlan } from './test-plan';
import { traceRequirements } from './traceability';
import { shortLine } from '../../shared/short-line';

export interface RenderedPack {
  packDir: string;
  artifacts: ArtifactRef[];
  validation: ValidationResult[];
}

/** Writes the spec pack under `<out>/<slug>/<specId>/`: syntax by code, then checked by machine. */
export async function renderPack(store: ArtifactStore, input: RenderInput): Promise<RenderedPack> {
  const results = PHASES.map((phase) => input.phases[phase]).filter(
    (result): result is PhaseResult => result !== undefined,
  );
  const phases = await loadPhaseContents(
    store,
    Object.fromEntries(results.map((result) => [result.phase, result.artifact])),
  );
  // The pack states the answered load and retention, as the later phases used them.
  if (phases.requirements) phases.requirements = answeredRequirements(phases.requirements, input.answers);
  const pack: PackContents = { ...input, provenance: provenance(results), phases };
  const files = packFiles(input.slug);
  const dir = store.packDir(input);
  const texts = {
    technicalSpec: renderTechnicalSpec(pack),
    testPlan: renderTestPlan(pack),
    rolloutPlan: renderRolloutPlan(pack),
    architectureDiagram: phases.architecture && renderArchitectureDiagram(phases.architecture, pack.provenance),
    openApi: phases.api && openApi(input.feature, phases, pack.provenance),
  };
  const validation = await validatePack(texts);
  const artifacts = [
    await store.write(dir, files.technicalSpec, texts.technicalSpec, 'Technical specification'),
    await store.write(dir, files.testPlan, texts.testPlan, 'Test plan'),
    await store.write(dir, files.rolloutPlan, texts.rolloutPlan, 'Rollout plan'),
  ];
  if (texts.architectureDiagram) {
    artifacts.push(
      await store.write(dir, files.architectureDiagram, texts.architectureDiagram, 'Architecture diagram (Mermaid)'),
    );
    const rendered = await renderMermaidSvg(texts.architectureDiagram).catch((error: Error) => ({
      svg: undefined,
      skipped: `rendering failed: ${error.message}`,
    }));
    if (rendered.svg)
      artifacts.push(
        await store.write(
          dir,
          files.architectureDiagram.replace(/\.mmd$/, '.svg'),
          rendered.svg,
          'Architecture diagram (SVG)',
        ),
      );
    validation.push({
      validator: 'SVG rendering (Chromium)',
      valid: true,
      errors: [],
      ...(rendered.skipped ? { skipped: rendered.skipped } : {}),
    });
  }
  if (texts.openApi) artifacts.push(await store.write(dir, files.apiSpec, texts.openApi.yaml, 'OpenAPI 3.1'));
  const trace = traceRequirements(phases);
  const report = {
    specId: input.specId,
    feature: input.feature,
    slug: input.slug,
    status: input.status,
    provenance: pack.provenance,
    context: input.context
      ? {
          source: input.context.source,
          sha256: input.context.sha256,
          bytes: input.context.bytes,
          characters: input.context.characters,
        }
      : null,
    generatedAt: new Date().toISOString(),
    version: input.version ?? 1,
    amends: input.amends ?? null,
    retries: input.retries ?? null,
    changes: input.changes ?? [],
    speculation: input.speculation ?? { used: 0, discarded: 0, discardedTokens: { input: 0, output: 0 } },
    phases: results.map((result) => ({
      phase: result.phase,
      revision: result.revision,
      provider: result.provider,
      model: result.model,
      cached: result.cached,
      usage: result.usage,
      llmCostUsd: llmCostUsd(result.provider, result.model, result.usage),
      timing: input.timings.find((timing) => timing.phase === result.phase),
    })),
    failure: failureReport(input.failure),
    usage: totalUsage(results, input.failure),
    llmPrices: `list prices of ${LLM_PRICES.checkedOn}; null where the model is not in the table`,
    decisions: input.decisions,
    validation,
    quality: evaluateQuality(phases),
    traceability: trace,
    artifacts: artifacts.map(({ file, sha256, bytes }) => ({ file, sha256, bytes })),
  };
  artifacts.push(await store.writeJson(dir, files.report, reportSchema.parse(report), 'Run report'));
  return { packDir: dir, artifacts, validation };
}

function openApi(feature: string, phases: Partial<PhaseContents>, note: string) {
  const document = renderOpenApiDocument(shortLine(feature, 120), phases.api!, phases.security, note);
  return { document, yaml: stringify(document, { aliasDuplicateObjects: false }) };
}
