import type { PhaseDefinition } from '../phase-definition';
import { offlineTesting } from './offline';
import { testingPrompt } from './prompt';
import { testingSchema } from './schema';

export const testingPhase: PhaseDefinition<'testing'> = {
  name: 'testing',
  schema: testingSchema,
  instructions: testingPrompt,
  offline: offlineTesting,
  summarize: (content) =>
    `${content.cases.length} test cases across ${new Set(content.cases.map((testCase) => testCase.level)).size} levels`,
};
