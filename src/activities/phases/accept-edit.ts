import { ApplicationFailure } from '@temporalio/common';
import type { PhaseResult } from '../../shared/spec-run';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { PHASE_DEFINITIONS } from './index';
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
  const content = finalize(definition, checked.data, await loadContext(store, input));
  return storePhase(store, input.specId, input.phase, input.revision, content, definition, {
    provider: `edit by ${input.by}`,
    model: 'human',
    usage: { input: 0, output: 0 },
    cached: false,
  });
}
