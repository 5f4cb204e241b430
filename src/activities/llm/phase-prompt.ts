import type { PhaseContext, PhaseDefinition } from '../phases/phase-definition';
import { compactEarlier } from './compact-earlier';

// Said only when it applies, so a run without a context document, answers or a previous revision pays no tokens for it.
const USE_PROJECT_CONTEXT =
  "projectContext is the team's own context document: their stack, platform, constraints and conventions. Use the databases, caches, queues or brokers, languages and runtimes, identity provider and cloud it names, never generic defaults in their place, and keep to its constraints.";
const KEEP_WHAT_HOLDS =
  "previouslyApprovedRevision is this section as reviewers last approved it: keep what still holds, and change what the changed earlier sections and the reviewer's requests require.";
const APPLY_ANSWERS =
  "answersToOpenQuestions are the reviewers' decisions on the requirements' open questions (Q-n): apply them to the content, overriding the suggested defaults and any earlier figure they contradict: load numbers (throughput targets, performance test targets, the load costs scale from), retention periods, and who may use the feature (roles and authorization).";

export function phasePrompt(definition: PhaseDefinition, context: PhaseContext): { system: string; user: string } {
  return {
    system: [
      `You write the ${definition.name} section of a technical specification for a software team.`,
      definition.instructions,
      'Reference the ids of earlier sections (FR-n, NFR-n, component ids, table names) instead of repeating them.',
      ...(context.project ? [USE_PROJECT_CONTEXT] : []),
      ...(Object.keys(context.answers).length ? [APPLY_ANSWERS] : []),
      ...(context.previous ? [KEEP_WHAT_HOLDS] : []),
      'Put every reviewer request into the content and list how you applied it in reviewerNotes.',
      'Answer with one JSON object that matches the schema, nothing else.',
    ].join('\n'),
    user: JSON.stringify({
      feature: context.feature,
      description: context.description || undefined,
      projectContext: context.project?.text,
      answersToOpenQuestions: context.answers,
      reviewerFeedback: context.feedback,
      approvedEarlierSections: compactEarlier(context.earlier),
      previouslyApprovedRevision: context.previous,
    }),
  };
}
