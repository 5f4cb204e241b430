import type { PhaseName } from '../../shared/phases';
import type { PhaseContents } from '../phases/phase-contents';
import { traceRequirements } from '../render/traceability';
import type { CriterionResult } from '../../shared/criterion-result';

interface Criterion {
  name: string;
  /** Judged once this phase exists. */
  phase: PhaseName;
  problems(phases: Partial<PhaseContents>): string[];
}

const mentions = (texts: string[], pattern: RegExp) => texts.some((text) => pattern.test(text));

/** The seed's success criteria, each a list of what is missing (empty means passed). */
export const QUALITY_CRITERIA: Criterion[] = [
  {
    name: 'edge cases for every user story',
    phase: 'requirements',
    problems: ({ requirements }) => requirements!.userStories.filter((story) => story.edgeCases.length === 0).map((story) => `${story.id} has no edge cases`),
  },
  {
    name: 'performance requirements with numbers',
    phase: 'requirements',
    problems: ({ requirements }) => {
      const texts = requirements!.nonFunctional.map((requirement) => requirement.text);
      return [
        ...(mentions(texts, /\bp(50|75|90|95|99|99\.9)\b[^.]*\d+\s*(ms|s)\b/i) ? [] : ['no latency percentile with a number (e.g. "p95 under 300 ms")']),
        ...(mentions(texts, /\d[\d,.]*\s*(requests?|req|rps|messages?|events?|transactions?)\s*(per|\/)\s*(second|s|sec|minute)|\d+\s*rps/i) ? [] : ['no throughput with a number (e.g. "200 requests per second")']),
        ...(mentions(texts, /\d{2}(\.\d+)?\s*%/) ? [] : ['no availability target (e.g. "99.9%")']),
      ];
    },
  },
  {
    name: 'security measures',
    phase: 'security',
    problems: ({ security }) => {
      const { authentication, authorization, encryptionAtRest, encryptionInTransit, inputValidation, cors, csp } = security!;
      const missing = (value: string, what: string) => (value.trim().length < 10 ? [`${what} is not specified`] : []);
      return [
        ...missing(authentication.description, 'authentication'),
        ...missing(authorization, 'authorization'),
        ...missing(encryptionAtRest, 'encryption at rest'),
        ...missing(encryptionInTransit, 'encryption in transit'),
        ...(inputValidation.length === 0 ? ['no input validation rules'] : []),
        ...missing(cors, 'CORS'),
        ...missing(csp, 'CSP'),
      ];
    },
  },
  {
    name: 'rollback plan with triggers and steps',
    phase: 'rollout',
    problems: ({ rollout }) => [
      ...(rollout!.rollbackTriggers.some((trigger) => /\d/.test(trigger)) ? [] : ['no rollback trigger with a measurable threshold']),
      ...(rollout!.rollbackProcedure.length >= 2 ? [] : ['the rollback procedure needs at least two steps']),
    ],
  },
  {
    name: 'cost estimates',
    phase: 'cost',
    problems: ({ cost }) =>
      !cost!.estimate ? ['no computed estimate (the architecture was missing)'] : cost!.estimate.monthlyUsd > 0 && cost!.estimate.projections.length === 3 ? [] : ['estimate without a monthly total or 1x/10x/100x projections'],
  },
  {
    name: 'every requirement traced to design and tests',
    phase: 'testing',
    problems: (phases) => traceRequirements(phases).orphans.map((id) => `${id} has no component, table or endpoint, or no test case`),
  },
];

/** The criteria that can be judged on the phases present; `only` limits them to one phase's. */
export function evaluateQuality(phases: Partial<PhaseContents>, only?: PhaseName): CriterionResult[] {
  return QUALITY_CRITERIA.filter((criterion) => phases[criterion.phase] && (!only || criterion.phase === only)).map((criterion) => {
    const reasons = criterion.problems(phases);
    return { criterion: criterion.name, phase: criterion.phase, passed: reasons.length === 0, reasons };
  });
}
