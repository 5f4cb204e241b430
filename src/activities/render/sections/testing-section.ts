import { TEST_LEVELS, type Testing } from '../../phases/testing/schema';
import { markdownTable } from '../markdown-table';

export function testingSection(testing: Testing, testPlanFile: string): string {
  const counts = TEST_LEVELS.map((level) => [
    level,
    testing.cases.filter((testCase) => testCase.level === level).length,
  ]);
  return [
    `${testing.cases.length} test cases; the full plan is [${testPlanFile}](${testPlanFile}).`,
    markdownTable(['Level', 'Cases'], counts),
  ].join('\n\n');
}
