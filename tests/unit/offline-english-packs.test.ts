import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createOfflineGenerator } from '../../src/activities/llm/offline-generator';
import { lintOpenApi } from '../../src/activities/validate/redocly-lint';
import { closeSvgRenderer } from '../../src/activities/validate/svg-renderer';
import titles from '../fixtures/varied-titles.json';
import { runAllPhases } from '../helpers/run-all-phases';

afterAll(() => closeSvgRenderer());

async function freshStore() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-english-'));
  return new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
}

describe('the offline pack of each of 40 varied titles', () => {
  it.each(titles)('"$title" passes every phase validator and the pack checks', async ({ title, resource, action }) => {
    // Each phase's offline content is checked (cited ids, Mermaid, OpenAPI) before it is stored: a failure throws here.
    const run = await runAllPhases(createOfflineGenerator(), await freshStore(), { feature: title });
    const report = JSON.parse(await readFile(path.join(run.pack.packDir, `report_${run.slug}.json`), 'utf8'));
    expect(report.validation.filter((check: { valid: boolean }) => !check.valid)).toEqual([]);
    expect(report.validation.map((check: { validator: string }) => check.validator)).toEqual(
      expect.arrayContaining([
        'swagger-parser',
        'redocly lint (recommended + operation-has-responses)',
        'mermaid.parse',
      ]),
    );

    const yaml = await readFile(path.join(run.pack.packDir, `api_spec_${run.slug}.yaml`), 'utf8');
    const paths = Object.keys(parse(yaml).paths);
    expect(paths).toEqual(expect.arrayContaining([`/${resource}`, `/${resource}/{id}`]));
    if (action) {
      expect(paths).toEqual(expect.arrayContaining([`/${resource}/${action}`, `/${resource}/${action}/{id}`]));
      const lint = await lintOpenApi(yaml);
      expect({ errors: lint.errors, warnings: lint.warnings }).toEqual({ errors: [], warnings: [] });
    } else {
      expect(paths.filter((route) => route.split('/').length > 3)).toEqual([]);
    }
  });
});
