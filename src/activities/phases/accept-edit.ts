import { ApplicationFailure } from '@temporalio/common';
import type { DecisionContentRef } from '../../shared/decision';
import type { PhaseResult } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { loadDecisionContent } from '../run-state/decision-content';
import { evaluateQuality } from '../quality/quality-criteria';
import { checkPhaseContent } from '../validate/check-phase-content';
import { SCHEMA_VALIDATOR } from '../validate/validate-phase';
import { gateOrphans } from './gate-orphans';
import { PHASE_DEFINITIONS } from './index';
import { inputsHashOf } from './inputs-hash';
import type { PhaseContents } from './phase-contents';
import { loadContext } from './load-context';
import type { PhaseDefinition } from './phase-definition';
import type { EditInput } from './phase-input';
import { storePhase } from './run-phase';
import { FailureType } from '../../shared/failure-types';

const MAX_PROBLEMS_IN_MESSAGE = 10;

/** An edit as the gate sends it: the content inline (a raw Temporal message), or a reference to where specforge stored it. */
export interface EditRequest extends Omit<EditInput, 'content'> {
  content?: Record<string, unknown>;
  contentRef?: DecisionContentRef;
}

/** A person's replacement content, held to the same schema and checks as generated content. */
export async function acceptEdit(store: ArtifactStore, input: EditRequest): Promise<PhaseResult> {
  const definition = PHASE_DEFINITIONS[input.phase] as PhaseDefinition;
  const content = input.contentRef
    ? await loadDecisionContent(store, input.specId, input.contentRef)
    : (input.content ?? {});
  const context = await loadContext(store, input);
  const checked = await checkPhaseContent(input.phase, content, context);
  if (!checked.valid) {
    const problems = checked.problems.map((problem) =>
      problem.field === 'content' ? problem.message : `${problem.field}: ${problem.message}`,
    );
    const schemaFailed = checked.checks.some((check) => check.validator === SCHEMA_VALIDATOR && !check.valid);
    const verdict = schemaFailed ? 'is invalid' : 'fails its checks';
    throw ApplicationFailure.nonRetryable(
      `The edited ${input.phase} ${verdict}: ${problems.slice(0, MAX_PROBLEMS_IN_MESSAGE).join('; ')}`,
      FailureType.InvalidContent,
      problems,
    );
  }
  const phases = { ...context.earlier, [input.phase]: checked.content } as Partial<PhaseContents>;
  return storePhase(
    store,
    input.specId,
    input.phase,
    input.revision,
    checked.content,
    definition,
    {
      provider: `edit by ${input.by}`,
      model: 'human',
      usage: { input: 0, output: 0 },
      cached: false,
      quality: evaluateQuality(phases, input.phase),
      orphans: await gateOrphans(store, input, checked.content),
      inputsHash: inputsHashOf(input.phase, context),
    },
    checked.checks,
  );
}
