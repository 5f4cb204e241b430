import { markdownTable } from './markdown-table';
import { NOT_REACHED, type PackContents } from './pack-contents';
import { markdownInline } from './markdown-text';

export const TEST_PLAN_HEADINGS = {
  unit: 'Unit tests',
  integration: 'Integration tests',
  e2e: 'End-to-end journeys',
  performance: 'Performance benchmarks',
  security: 'Security scenarios',
  chaos: 'Chaos experiments',
} as const;

export function renderTestPlan(pack: PackContents): string {
  const testing = pack.phases.testing;
  const header = [`# Test plan: ${markdownInline(pack.feature)}`, `> ${pack.provenance}`];
  if (!testing) return [...header, NOT_REACHED].join('\n\n') + '\n';
  const sections = Object.entries(TEST_PLAN_HEADINGS).flatMap(([level, heading]) => {
    const cases = testing.cases.filter((testCase) => testCase.level === level);
    return [
      `## ${heading}`,
      ...(level === 'unit' ? [`Mocking strategy: ${markdownInline(testing.mockingStrategy)}`] : []),
      cases.length
        ? markdownTable(
            ['Id', 'Case', 'Steps', 'Expected', 'Requirements'],
            cases.map((testCase) => [
              testCase.id,
              testCase.title,
              testCase.steps,
              testCase.expected,
              testCase.requirements.join(', '),
            ]),
          )
        : 'None planned.',
    ];
  });
  return [...header, ...sections].join('\n\n') + '\n';
}
