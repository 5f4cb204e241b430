import type { PhaseName } from '../../shared/phases';
import { apiPhase } from './api/definition';
import { architecturePhase } from './architecture/definition';
import { costPhase } from './cost/definition';
import { databasePhase } from './database/definition';
import type { PhaseDefinition } from './phase-definition';
import { requirementsPhase } from './requirements/definition';
import { rolloutPhase } from './rollout/definition';
import { securityPhase } from './security/definition';
import { testingPhase } from './testing/definition';

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
