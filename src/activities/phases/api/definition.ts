import type { PhaseDefinition } from '../phase-definition';
import { offlineApi } from './offline';
import { apiPrompt } from './prompt';
import { apiSchema } from './schema';

export const apiPhase: PhaseDefinition<'api'> = {
  name: 'api',
  schema: apiSchema,
  instructions: apiPrompt,
  offline: offlineApi,
  summarize: (content) =>
    `${content.resources.length} resources, ${content.resources.reduce((count, resource) => count + resource.operations.length, 0)} operations (${content.version})`,
};
