import { phasePrompt } from '../../src/activities/llm/phase-prompt';
import { PHASE_DEFINITIONS } from '../../src/activities/phases/index';
import type { PhaseContents } from '../../src/activities/phases/phase-contents';
import type { PhaseContext, PhaseDefinition } from '../../src/activities/phases/phase-definition';
import { finalize } from '../../src/activities/phases/run-phase';
import { PHASES } from '../../src/shared/phases';
import { scriptedAnswer, type ModelRequest } from '../fakes/scripted-answers';

/** Every phase as the fake model answers it (reading the prompt specforge would send), finalized by code: no server, no store. */
export function scriptedPack(feature: string, description = ''): PhaseContents {
  return buildPack(feature, description, (definition, context) =>
    scriptedAnswer(definition.name, JSON.parse(phasePrompt(definition, context).user) as ModelRequest),
  );
}

/** Every phase from the offline templates, finalized by code. */
export function offlinePack(feature: string, description = ''): PhaseContents {
  return buildPack(feature, description, (definition, context) => definition.offline(context));
}

function buildPack(
  feature: string,
  description: string,
  answer: (definition: PhaseDefinition, context: PhaseContext) => unknown,
): PhaseContents {
  const earlier: Partial<PhaseContents> = {};
  for (const phase of PHASES) {
    const definition = PHASE_DEFINITIONS[phase] as PhaseDefinition;
    const context: PhaseContext = {
      specId: 'spec-in-process-00000001',
      feature,
      description,
      revision: 1,
      feedback: [],
      answers: {},
      earlier: { ...earlier },
    };
    Object.assign(earlier, {
      [phase]: finalize(definition, definition.schema.parse(answer(definition, context)), context),
    });
  }
  return earlier as PhaseContents;
}
