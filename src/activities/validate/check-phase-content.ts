import type { PhaseCheck } from '../../review/review-types';
import type { PhaseName } from '../../shared/phases';
import { PHASE_DEFINITIONS } from '../phases/index';
import type { PhaseContext, PhaseDefinition } from '../phases/phase-definition';
import { finalize } from '../phases/run-phase';
import { schemaCheck, validatePhase } from './validate-phase';
const MAX_SCHEMA_PROBLEMS = 50;

/** One reason the content is refused, naming where: the shape of an API field error. */
export interface ContentProblem {
  field: string;
  message: string;
}

export type CheckedContent =
  | { valid: true; content: unknown; checks: PhaseCheck[] }
  | { valid: false; checks: PhaseCheck[]; problems: ContentProblem[] };

/**
 * The checks a person's replacement content gets, whether it is sent as an edit or as a dry run:
 * the phase's schema, then (finalized by code) every validator against the approved earlier
 * phases. Schema problems name the field (`content.functional.0.text`); the others name `content`.
 */
export async function checkPhaseContent(
  phase: PhaseName,
  content: unknown,
  context: PhaseContext,
): Promise<CheckedContent> {
  const definition = PHASE_DEFINITIONS[phase] as PhaseDefinition;
  const parsed = definition.schema.safeParse(content);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .slice(0, MAX_SCHEMA_PROBLEMS)
      .map((issue) => ({ field: ['content', ...issue.path.map(String)].join('.'), message: issue.message }));
    return {
      valid: false,
      checks: [schemaCheck(problems.map((problem) => `${problem.field}: ${problem.message}`))],
      problems,
    };
  }
  const finalized = finalize(definition, parsed.data, context);
  const checks = [schemaCheck([]), ...(await validatePhase(phase, finalized, context.earlier))];
  const problems = checks.flatMap((check) =>
    check.errors.map((error) => ({ field: 'content', message: `${check.validator}: ${error}` })),
  );
  return problems.length ? { valid: false, checks, problems } : { valid: true, content: finalized, checks };
}
