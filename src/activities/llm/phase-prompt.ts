import type { PhaseContext, PhaseDefinition } from '../phases/phase-definition';
import { compactEarlier } from './compact-earlier';

export function phasePrompt(definition: PhaseDefinition, context: PhaseContext): { system: string; user: string } {
  return {
    system: [
      `You write the ${definition.name} section of a technical specification for a software team.`,
      definition.instructions,
      'Reference the ids of earlier sections (FR-n, NFR-n, component ids, table names) instead of repeating them.',
      'Put every reviewer request into the content and list how you applied it in reviewerNotes.',
      'Answer with one JSON object that matches the schema, nothing else.',
    ].join('\n'),
    user: JSON.stringify({
      feature: context.feature,
      description: context.description || undefined,
      answersToOpenQuestions: context.answers,
      reviewerFeedback: context.feedback,
      approvedEarlierSections: compactEarlier(context.earlier),
    }),
  };
}
