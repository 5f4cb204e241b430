import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import { closeSvgRenderer } from '../../src/activities/validate/svg-renderer';
import samples from '../fixtures/sample-requests.json';
import { startFakeOpenAI } from '../fakes/fake-openai';
import { runAllPhases } from '../helpers/run-all-phases';
import { QUALITY_CRITERIA } from '../../src/activities/quality/quality-criteria';

afterAll(() => closeSvgRenderer());

async function freshStore() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-samples-'));
  return new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
}

async function expectValidPack(result: Awaited<ReturnType<typeof runAllPhases>>) {
  const report = JSON.parse(await readFile(path.join(result.pack.packDir, `report_${result.slug}.json`), 'utf8'));
  expect(report.validation.filter((check: { valid: boolean }) => !check.valid)).toEqual([]);
  expect(report.validation.map((check: { validator: string }) => check.validator)).toEqual(
    expect.arrayContaining([
      'swagger-parser',
      'redocly lint (recommended + operation-has-responses)',
      'mermaid.parse',
      'headings of technical spec',
      'headings of test plan',
      'headings of rollout plan',
    ]),
  );
  expect(report.quality).toHaveLength(QUALITY_CRITERIA.length);
  expect(report.quality.filter((criterion: { passed: boolean }) => !criterion.passed)).toEqual([]);
  expect(report.traceability.orphans).toEqual([]);
  return report;
}

describe('packs for the sample requests', () => {
  it.each(samples)('offline: "$feature" passes every validator and the quality gate', async (sample) => {
    const report = await expectValidPack(await runAllPhases(createOfflineGenerator(), await freshStore(), sample));
    expect(report.phases.map((phase: { llmCostUsd: number }) => phase.llmCostUsd)).toEqual(Array(8).fill(0));
  });

  it.each(samples)('scripted model: "$feature" passes every validator and the quality gate', async (sample) => {
    const fake = await startFakeOpenAI();
    try {
      const generator = createOpenAIGenerator({
        apiKey: 'sk-test-not-a-real-key',
        baseURL: fake.baseURL,
        model: 'gpt-test',
        timeoutMs: 10_000,
      });
      const report = await expectValidPack(await runAllPhases(generator, await freshStore(), sample));
      expect(report.usage.input).toBeGreaterThan(0);
      expect(report.phases.every((phase: { llmCostUsd: number | null }) => phase.llmCostUsd === null)).toBe(true);
      expect(fake.requests).toHaveLength(8);
    } finally {
      await fake.close();
    }
  });
});
