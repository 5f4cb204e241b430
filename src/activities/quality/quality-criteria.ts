import type { PhaseName } from '../../shared/phases';
import type { CriterionResult } from '../../shared/criterion-result';
import { withDeclaredInputs } from '../phases/declared-inputs';
import type { PhaseContents } from '../phases/phase-contents';
import { costCriterion } from './cost-criterion';
import type { Criterion } from './criterion';
import { edgeCasesCriterion } from './edge-cases-criterion';
import { performanceNumbersCriterion, performanceTestedCriterion } from './performance-criteria';
import { rollbackCriterion } from './rollback-criterion';
import { securityMeasuresCriterion, threatsTestedCriterion } from './security-criteria';
import {
  componentsTracedCriterion,
  operationsTracedCriterion,
  requirementsTracedCriterion,
  rolloutTracedCriterion,
  tablesTracedCriterion,
} from './traceability-criteria';

/**
 * The seed's five success criteria (edge cases, performance requirements, security measures,
 * rollback plan, cost estimate) judged on what they say, and traceability judged at each phase
 * that adds items: each criterion is a list of what falls short (empty means passed).
 */
export const QUALITY_CRITERIA: Criterion[] = [
  edgeCasesCriterion,
  performanceNumbersCriterion,
  componentsTracedCriterion,
  tablesTracedCriterion,
  operationsTracedCriterion,
  securityMeasuresCriterion,
  requirementsTracedCriterion,
  performanceTestedCriterion,
  threatsTestedCriterion,
  rollbackCriterion,
  rolloutTracedCriterion,
  costCriterion,
];

/**
 * The criteria that can be judged on the phases present; `only` limits them to one phase's. Each
 * sees only its phase and that phase's declared inputs, so the verdict at the gate and in the
 * report agree, and a change to another phase never changes it.
 */
export function evaluateQuality(phases: Partial<PhaseContents>, only?: PhaseName): CriterionResult[] {
  return QUALITY_CRITERIA.filter((criterion) => phases[criterion.phase] && (!only || criterion.phase === only)).map(
    (criterion) => {
      const reasons = criterion.problems(withDeclaredInputs(criterion.phase, phases));
      return { criterion: criterion.name, phase: criterion.phase, passed: reasons.length === 0, reasons };
    },
  );
}
