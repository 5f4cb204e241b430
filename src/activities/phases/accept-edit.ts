import { ApplicationFailure } from '@temporalio/common';
import type { PhaseResult } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { evaluateQuality } from '../quality/quality-criteria';
import { orphanRequirements } from '../quality/orphan-requirements';
import { validatePhase } from '../validate/validate-phase';
import { PHASE_DEFINITIONS } from './index';
import type { PhaseContents } from './phase-contents';
import { loadContext } from './load-context';
import type { PhaseDefinition } from './phase-definition';
import type { EditInput } from './phase-input';
import { finalize, storePhase } from './run-phase';

/** A person's replacement content, held to the same schema as generated content. */
export async function acceptEdit(store: ArtifactStore, input: EditInput): Promise<PhaseResult> {
  const definition = PHASE_DEFINITIONS[input.phase] as PhaseDefinition;
  const checked = definition.schema.safeParse(input.content);
  if (!checked.success) {
    const problems = checked.error.issues.slice(0, 10).map((issue) => `content.${issue.path.join('.')}: ${issue.message}`);
    throw ApplicationFailure.nonRetryable(`The edited ${input.phase} is invalid: ${problems.join('; ')}`, 'InvalidContent', problems);
  }
  const context = await loadContext(store, input);
  const content = finalize(definition, checked.data, context);
  const problems = await validatePhase(input.phase, content, context.earlier);
  if (problems.length) {
    throw ApplicationFailure.nonRetryable(`The edited ${input.phase} fails its checks: ${problems.slice(0, 10).join('; ')}`, 'InvalidContent', problems);
  }
  const phases = { ...context.earlier, [input.phase]: content } as Partial<PhaseContents>;
  return storePhase(store, input.specId, input.phase, input.revision, content, definition, {
    provider: `edit by ${input.by}`,
    model: 'human',
    usage: { input: 0, output: 0 },
    cached: false,
    quality: evaluateQuality(phases, input.phase),
    orphans: orphanRequirements(phases),
  });
}
