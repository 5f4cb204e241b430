import type { PhaseName } from './phases';

export interface CriterionResult {
  criterion: string;
  phase: PhaseName;
  passed: boolean;
  reasons: string[];
}
