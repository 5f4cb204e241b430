import type { PhaseDefinition } from '../phase-definition';
import { offlineDatabase } from './offline';
import { databasePrompt } from './prompt';
import { databaseSchema } from './schema';

export const databasePhase: PhaseDefinition<'database'> = {
  name: 'database',
  schema: databaseSchema,
  instructions: databasePrompt,
  offline: offlineDatabase,
  summarize: (content) =>
    `${content.tables.length} tables on ${content.engine}, ${content.migrations.length} migrations`,
};
