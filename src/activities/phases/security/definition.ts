import type { PhaseDefinition } from '../phase-definition';
import { offlineSecurity } from './offline';
import { securityPrompt } from './prompt';
import { securitySchema } from './schema';

export const securityPhase: PhaseDefinition<'security'> = {
  name: 'security',
  schema: securitySchema,
  instructions: securityPrompt,
  offline: offlineSecurity,
  summarize: (content) =>
    `${content.authentication.scheme} authentication, ${content.threats.length} threats with controls`,
};
