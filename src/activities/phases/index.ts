import type { PhaseName } from '../../shared/phases';
import { apiPhase } from './api';
import { architecturePhase } from './architecture';
import { costPhase } from './cost';
import { databasePhase } from './database';
import type { PhaseDefinition } from './phase-definition';
import { requirementsPhase } from './requirements';
import { rolloutPhase } from './rollout';
import { securityPhase } from './security';
import { testingPhase } from './testing';

export const PHASE_DEFINITIONS: { [Name in PhaseName]: PhaseDefinition<Name> } = {
  requirements: requirementsPhase,
  architecture: architecturePhase,
  database: databasePhase,
  api: apiPhase,
  security: securityPhase,
  testing: testingPhase,
  rollout: rolloutPhase,
  cost: costPhase,
};
