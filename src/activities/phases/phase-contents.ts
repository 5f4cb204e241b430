import type { Api } from './api/schema';
import type { Architecture } from './architecture/schema';
import type { Cost } from './cost/schema';
import type { Database } from './database/schema';
import type { Requirements } from './requirements/schema';
import type { Rollout } from './rollout/schema';
import type { Security } from './security/schema';
import type { Testing } from './testing/schema';

/** The structured output of each phase, by phase name. */
export interface PhaseContents {
  requirements: Requirements;
  architecture: Architecture;
  database: Database;
  api: Api;
  security: Security;
  testing: Testing;
  rollout: Rollout;
  cost: Cost;
}
