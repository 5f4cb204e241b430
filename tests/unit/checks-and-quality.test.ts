import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import { architecturePhase } from '../../src/activities/phases/architecture/definition';
import { runPhase } from '../../src/activities/phases/run-phase';
import { renderArchitectureDiagram } from '../../src/activities/render/architecture-diagram';
import { parseMermaid } from '../../src/activities/validate/mermaid-parse';
import { startFakeOpenAI, validAnswer, type ChatRequest, type FakeReply } from '../fakes/fake-openai';

let close: (() => Promise<void>) | undefined;
afterEach(() => close?.());

async function setup(script: (body: ChatRequest, index: number) => FakeReply) {
  const fake = await startFakeOpenAI(script);
  close = fake.close;
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-checks-'));
  const store = new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
  const generator = createOpenAIGenerator({
    apiKey: 'sk-test-not-a-real-key',
    baseURL: fake.baseURL,
    model: 'gpt-test',
    timeoutMs: 10_000,
  });
  const requirements = await runPhase(generator, store, {
    specId: 'spec-checks-00000001',
    phase: 'requirements',
    revision: 1,
    feature: 'Export invoices to CSV',
    description: '',
    feedback: [],
    answers: {},
    earlier: {},
  });
  const run = (phase: 'architecture' | 'rollout') =>
    runPhase(generator, store, {
      specId: 'spec-checks-00000001',
      phase,
      revision: 1,
      feature: 'Export invoices to CSV',
      description: '',
      feedback: [],
      answers: {},
      earlier: { requirements: requirements.artifact },
    });
  return { fake, run, store, requirements };
}

describe('checks before the gate', () => {
  it('sends a cited id that does not exist back to the model, and keeps the repaired answer', async () => {
    let architectureCalls = 0;
    const { fake, run } = await setup((body) => {
      const answer = JSON.parse(validAnswer(body));
      if (body.response_format?.json_schema?.name === 'architecture' && ++architectureCalls === 1)
        answer.components[2].requirements.push('FR-99');
      return { kind: 'content', text: JSON.stringify(answer) };
    });
    const result = await run('architecture');
    const calls = fake.requests.filter((request) => request.phase === 'architecture');
    expect(calls).toHaveLength(2);
    expect(calls[1]!.body.messages.at(-1)!.content).toMatch(/cites FR-99, which is not a requirement/);
    expect(result.orphans).toEqual([]);
  });

  it('regenerates once, with the reasons, when a quality criterion fails', async () => {
    const { fake, run } = await setup((body) => {
      const answer = JSON.parse(validAnswer(body));
      if (
        body.response_format?.json_schema?.name === 'rollout' &&
        !body.messages[1]!.content.includes('Quality gate')
      ) {
        answer.rollbackTriggers[0].threshold = 'When things look bad';
      }
      return { kind: 'content', text: JSON.stringify(answer) };
    });
    const result = await run('rollout');
    const calls = fake.requests.filter((request) => request.phase === 'rollout');
    expect(calls).toHaveLength(2);
    expect(JSON.parse(calls[1]!.body.messages[1]!.content).reviewerFeedback[0]).toBe(
      'Quality gate "rollback plan with triggers and steps" failed: rollback trigger "Error rate" has no measurable threshold',
    );
    expect(result.quality.filter((criterion) => !criterion.passed)).toEqual([]);
    expect(result.quality.map((criterion) => criterion.criterion)).toContain('rollback plan with triggers and steps');
    expect(result.usage.input).toBeGreaterThan(calls.length);
  });

  it('regenerates once, with the reasons, when the phase leaves a component untraced', async () => {
    const { fake, run } = await setup((body) => {
      const answer = JSON.parse(validAnswer(body));
      if (
        body.response_format?.json_schema?.name === 'architecture' &&
        !body.messages[1]!.content.includes('Quality gate')
      )
        answer.components[2].requirements = [];
      return { kind: 'content', text: JSON.stringify(answer) };
    });
    const result = await run('architecture');
    const calls = fake.requests.filter((request) => request.phase === 'architecture');
    expect(calls).toHaveLength(2);
    expect(JSON.parse(calls[1]!.body.messages[1]!.content).reviewerFeedback).toEqual([
      'Quality gate "every component traced to a requirement" failed: component database cites no requirement',
    ]);
    expect(result.quality).toEqual([
      { criterion: 'every component traced to a requirement', phase: 'architecture', passed: true, reasons: [] },
    ]);
  });

  it('regenerates the requirements when their edge cases are the same generic list for every story', async () => {
    const generic = [
      'The same request is sent twice',
      'Input at the maximum allowed length',
      'The record was deleted between two steps',
    ];
    const { fake, requirements } = await setup((body) => {
      const answer = JSON.parse(validAnswer(body));
      if (
        body.response_format?.json_schema?.name === 'requirements' &&
        !body.messages[1]!.content.includes('Quality gate')
      ) {
        answer.userStories.push({ ...answer.userStories[0], id: 'US-2' });
        for (const story of answer.userStories) story.edgeCases = generic;
      }
      return { kind: 'content', text: JSON.stringify(answer) };
    });
    const calls = fake.requests.filter((request) => request.phase === 'requirements');
    expect(calls).toHaveLength(2);
    const [feedback] = JSON.parse(calls[1]!.body.messages[1]!.content).reviewerFeedback;
    expect(feedback).toMatch(
      /^Quality gate "edge cases for every user story" failed: US-1: "The same request is sent twice" names neither the story's actor nor its resource; /,
    );
    expect(feedback).toContain(
      'US-1 covers 3 kinds of edge case (duplicates and concurrency, limits and sizes, data lifecycle); add 1 of:',
    );
    expect(feedback).toContain('US-1, US-2 share the same edge cases');
    expect(requirements.quality.every((criterion) => criterion.passed)).toBe(true);
  });

  it('shows a criterion that still fails after the regeneration at the gate instead of hiding it', async () => {
    const { run, store } = await setup((body) => {
      const answer = JSON.parse(validAnswer(body));
      if (body.response_format?.json_schema?.name === 'rollout') answer.rollbackProcedure = ['Roll back'];
      return { kind: 'content', text: JSON.stringify(answer) };
    });
    const result = await run('rollout');
    expect(result.quality[0]).toMatchObject({
      criterion: 'rollback plan with triggers and steps',
      passed: false,
      reasons: ['the rollback procedure needs at least two steps'],
    });
    expect(JSON.parse(await readFile(result.artifact.path, 'utf8')).quality[0].passed).toBe(false);
    expect(store).toBeDefined();
  });
});

describe('Mermaid labels', () => {
  it('render whatever text the model writes', async () => {
    const architecture = architecturePhase.offline({
      specId: 's',
      feature: 'Add login',
      description: '',
      revision: 1,
      feedback: [],
      answers: {},
      earlier: {},
    });
    architecture.components[0]!.name = 'Web "client" [beta] #1 <end> {x} | y `z`';
    architecture.components[1]!.technology = 'end\nsubgraph; click a call b()';
    architecture.edges[0]!.protocol = 'HTTPS | "gRPC" -->';
    const result = await parseMermaid([
      { name: 'hostile labels', text: renderArchitectureDiagram(architecture, 'note with "quotes" and %% signs') },
    ]);
    expect(result).toEqual({ validator: 'mermaid.parse', valid: true, errors: [] });
  });
});
