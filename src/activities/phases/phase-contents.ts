import type { Api } from './api';
import type { Architecture } from './architecture';
import type { Cost } from './cost';
import type { Database } from './database';
import type { Requirements } from './requirements';
import type { Rollout } from './rollout';
import type { Security } from './security';
import type { Testing } from './testing';

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
