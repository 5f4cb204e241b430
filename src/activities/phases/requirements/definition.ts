import type { PhaseDefinition } from '../phase-definition';
import { offlineRequirements } from './offline';
import { requirementsPrompt } from './prompt';
import { requirementsSchema } from './schema';

export const requirementsPhase: PhaseDefinition<'requirements'> = {
  name: 'requirements',
  schema: requirementsSchema,
  instructions: requirementsPrompt,
  offline: offlineRequirements,
  summarize: (content) =>
    `${content.functional.length} functional and ${content.nonFunctional.length} non-functional requirements, ${content.userStories.length} user stories, ${content.questions.filter((question) => !question.answer).length} open questions`,
};
