import type { PhaseDefinition } from '../phase-definition';
import { offlineArchitecture } from './offline';
import { architecturePrompt } from './prompt';
import { architectureSchema } from './schema';

export const architecturePhase: PhaseDefinition<'architecture'> = {
  name: 'architecture',
  schema: architectureSchema,
  instructions: architecturePrompt,
  offline: offlineArchitecture,
  summarize: (content) => `${content.components.length} components, ${content.edges.length} connections`,
};
