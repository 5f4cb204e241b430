import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArtifactStore } from '../../src/activities/artifacts/artifact-store';
import { answerProfile } from '../../src/activities/llm/offline/answer-profile';
import { parseAudience } from '../../src/activities/llm/offline/parse-audience';
import { parseLoad } from '../../src/activities/llm/offline/parse-load';
import { parseRetention } from '../../src/activities/llm/offline/parse-retention';
import { createOpenAIGenerator } from '../../src/activities/llm/openai-generator';
import { answeredRequirements } from '../../src/activities/phases/answered-requirements';
import type { Requirements } from '../../src/activities/phases/requirements/schema';
import { closeSvgRenderer } from '../../src/activities/validate/svg-renderer';
import { startFakeOpenAI } from '../fakes/fake-openai';
import { runPackWithContext } from '../helpers/run-pack-with-context';

afterAll(() => closeSvgRenderer());

async function freshStore() {
  const root = await mkdtemp(path.join(os.tmpdir(), 'specforge-answers-'));
  return new ArtifactStore(path.join(root, 'home'), path.join(root, 'specs'));
}

const FEATURE = { feature: 'Export invoices to CSV', description: 'Finance exports a month of invoices.' };

describe('reading an answer', () => {
  it.each([
    ['50 rps', 50, 13],
    ['200 requests per second at peak, 50 on average', 200, 50],
    ['1,500 requests per minute at peak, 300 on average', 25, 5],
    ['on average 30 rps, peaks of 120', 120, 30],
    ['2M requests a day', 93, 23],
    ['3.5k req/s', 3500, 875],
  ])('reads the load in "%s" as %d requests/s at peak, %d on average', (answer, peak, average) => {
    expect(parseLoad(answer)).toMatchObject({ peakRequestsPerSecond: peak, averageRequestsPerSecond: average });
  });

  it('reads a number of users apart from the request rate, and nothing from an answer without a rate', () => {
    expect(parseLoad('10,000 monthly active users, 80 rps')).toEqual({
      peakRequestsPerSecond: 80,
      averageRequestsPerSecond: 20,
      monthlyActiveUsers: 10_000,
    });
    expect(parseLoad('ask finance')).toBeUndefined();
  });

  it.each([
    ['90 days', 90, '90 days'],
    ['7 years, then archived', 2555, '7 years'],
    ['Two years', 730, '2 years'],
    ['18 months', 540, '18 months'],
    ['forever', undefined, 'indefinitely'],
  ])('reads the retention in "%s"', (answer, days, period) => {
    expect(parseRetention(answer)).toEqual({ ...(days === undefined ? {} : { days }), period });
  });

  it('reads who may use the feature as the roles it names', () => {
    expect(parseAudience('Finance managers and administrators only')).toEqual({
      text: 'finance managers and administrators',
      roles: ['finance managers', 'administrators'],
    });
    expect(parseAudience('Owners, editors or viewers')).toMatchObject({ roles: ['owners', 'editors', 'viewers'] });
  });

  it('finds each topic by the wording of the question, whatever its id', () => {
    const questions = [
      { id: 'Q-1', question: 'How long must exports be kept?', suggestedDefault: '30 days', answer: null },
      { id: 'Q-2', question: 'Which roles may start an export?', suggestedDefault: 'Finance staff', answer: null },
      { id: 'Q-3', question: 'What traffic do you expect at peak?', suggestedDefault: '20 rps', answer: null },
    ];
    const profile = answerProfile({
      answers: { 'Q-3': '75 rps', 'Q-1': '1 year' },
      earlier: { requirements: { questions } as Requirements },
    });
    expect(profile.load).toMatchObject({ peakRequestsPerSecond: 75, answered: true, question: 'Q-3' });
    expect(profile.retention).toMatchObject({ days: 365, answered: true, question: 'Q-1' });
    expect(profile.audience).toMatchObject({ text: 'finance staff', answered: false, question: 'Q-2' });
  });
});

describe('answered requirements', () => {
  const requirements = {
    nonFunctional: [
      { id: 'NFR-1', category: 'performance', text: 'p95 under 300 ms' },
      { id: 'NFR-2', category: 'throughput', text: 'Sustain 200 requests per second at peak with headroom of 2x' },
      { id: 'NFR-3', category: 'retention', text: 'Invoices retained for 365 days' },
    ],
    questions: [
      { id: 'Q-1', question: 'Who may use this feature?', suggestedDefault: 'Signed-in users', answer: null },
      {
        id: 'Q-2',
        question: 'What peak load must it carry?',
        suggestedDefault: '200 requests per second',
        answer: null,
      },
      { id: 'Q-3', question: 'How long are invoices kept?', suggestedDefault: '365 days', answer: null },
    ],
  } as Requirements;

  it('state the answered load and retention instead of the defaults, and carry each answer on its question', () => {
    const answered = answeredRequirements(requirements, { 'Q-2': '50 rps', 'Q-3': '90 days' });
    expect(answered.nonFunctional.map((requirement) => requirement.text)).toEqual([
      'p95 under 300 ms',
      'Sustain 50 requests per second (answer to Q-2) at peak with headroom of 2x',
      'Invoices retained for 90 days (answer to Q-3)',
    ]);
    expect(answered.questions.map((question) => question.answer)).toEqual([null, '50 rps', '90 days']);
  });

  it('keep an answer they cannot read beside the figure it questions', () => {
    expect(answeredRequirements(requirements, { 'Q-2': 'ask finance' }).nonFunctional[1]!.text).toBe(
      'Sustain 200 requests per second at peak with headroom of 2x (answer to Q-2: ask finance)',
    );
  });
});

describe("each offline question's answer, from the requirements gate to the pack", () => {
  it('Q-2 "50 rps" sets the load of the throughput requirement, the k6 test, the scaling and the cost', async () => {
    const { phases, texts, slug } = await runPackWithContext(await freshStore(), {
      ...FEATURE,
      answers: { 'Q-2': '50 rps' },
    });
    const performance = phases.testing!.cases.filter((testCase) => testCase.level === 'performance');
    expect(performance.length).toBeGreaterThan(0);
    for (const testCase of performance) expect(testCase.steps).toMatch(/\b50 requests per second/);
    expect(JSON.stringify(phases.testing)).not.toMatch(/\b200 (requests per second|rps)/);
    expect(phases.cost!.load).toMatchObject({ peakRequestsPerSecond: 50, averageRequestsPerSecond: 13 });
    expect(phases.cost!.estimate!.lines.map((line) => line.basis).join('\n')).not.toMatch(/\b200 requests\/s/);
    expect(phases.architecture!.scaling).toMatch(/50 requests\/s at peak \(answer to Q-2\) needs 2 service instances/);
    expect(texts[`technical_spec_${slug}.md`]).toMatch(
      /NFR-2 \| throughput \| Sustain 50 requests per second \(answer to Q-2\)/,
    );
  });

  it('Q-3 "90 days" sets the retention requirement, the database\'s retention and the storage costed', async () => {
    const { phases, texts, slug } = await runPackWithContext(await freshStore(), {
      ...FEATURE,
      answers: { 'Q-3': '90 days' },
    });
    expect(phases.database!.retention).toMatch(/^Invoices are kept 90 days \(answer to Q-3\) after deletion/);
    expect(phases.cost!.load.storageGb).toBe(12);
    expect(phases.cost!.narrative).toMatch(/12 GB of records kept 90 days \(answer to Q-3\)/);
    expect(texts[`technical_spec_${slug}.md`]).toMatch(/retained for 90 days \(answer to Q-3\)/);
    expect(texts[`technical_spec_${slug}.md`]).not.toMatch(/retained for 365 days/);
  });

  it('Q-1 "Finance managers and administrators" limits who may use the feature in security and in the rollout flag', async () => {
    const { phases } = await runPackWithContext(await freshStore(), {
      ...FEATURE,
      answers: { 'Q-1': 'Finance managers and administrators' },
    });
    expect(phases.security!.authorization).toMatch(
      /^Only finance managers and administrators \(answer to Q-1\) may use the feature: the service checks the caller's role \(finance managers, administrators\)/,
    );
    expect(phases.rollout!.featureFlags[0]!.description).toMatch(
      /for a cohort of finance managers and administrators \(answer to Q-1\)$/,
    );
  });

  it('leaves the suggested defaults where no question is answered', async () => {
    const { phases } = await runPackWithContext(await freshStore(), FEATURE);
    expect(phases.cost!.load).toMatchObject({
      peakRequestsPerSecond: 200,
      averageRequestsPerSecond: 50,
      storageGb: 50,
    });
    expect(phases.security!.authorization).toMatch(/^Role-based: owners read and change their own invoices/);
  });
});

describe('answers with a model', () => {
  it('tell the model to apply them, and show it the requirements restated with them', async () => {
    const fake = await startFakeOpenAI();
    try {
      const generator = createOpenAIGenerator({
        apiKey: 'sk-test-not-a-real-key',
        baseURL: fake.baseURL,
        model: 'gpt-test',
        timeoutMs: 10_000,
      });
      await runPackWithContext(await freshStore(), { ...FEATURE, answers: { 'Q-2': '50 rps' } }, generator);
      const testing = fake.requests.find((request) => request.phase === 'testing')!;
      expect(testing.body.messages[0]!.content).toMatch(/answersToOpenQuestions are the reviewers' decisions/);
      const user = JSON.parse(testing.body.messages[1]!.content);
      expect(user.answersToOpenQuestions).toEqual({ 'Q-2': '50 rps' });
      expect(user.approvedEarlierSections.requirements.questions).toContain('Q-2: What peak load must it carry?');
      expect(
        user.approvedEarlierSections.requirements.nonFunctional.filter((line: string) =>
          /\b50 requests per second \(answer to Q-2\)/.test(line),
        ),
      ).toHaveLength(1);
      const requirementsPrompt = fake.requests.find((request) => request.phase === 'requirements')!;
      expect(requirementsPrompt.body.messages[0]!.content).not.toMatch(/answersToOpenQuestions are/);
    } finally {
      await fake.close();
    }
  });
});
