import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import { testingChoices } from '../../llm/offline/testing-choices';
import type { PhaseContext } from '../phase-definition';
import type { Testing } from './schema';
import { nonFunctionalCases, threatCases } from './traced-cases';

/** A unit case per functional requirement, an integration and an E2E case, a case per non-functional requirement and one per threat. */
export function offlineTesting(context: PhaseContext): Testing {
  const terms = extractFeatureTerms(context.feature, context.description);
  // The team's runtime, database and broker (from their context document), else today's defaults.
  const chosen = testingChoices(context);
  const requirements = context.earlier.requirements?.functional ?? [];
  const perRequirement = requirements.map((requirement) => ({
    level: 'unit' as const,
    title: `${requirement.id}: ${requirement.text}`,
    steps: 'Call the service function with valid, boundary and invalid input',
    expected: 'Valid input succeeds; invalid input is refused with a field-level error',
    requirements: [requirement.id],
    threats: [],
  }));
  const allIds = requirements.map((requirement) => requirement.id);
  const cases = [
    ...perRequirement,
    {
      level: 'integration' as const,
      title: `${terms.resourceWords} service against a real ${chosen.dependencies}`,
      steps: 'Create, update and delete through the HTTP API in a test container',
      expected: 'Rows, outbox events and cache invalidations match each step',
      requirements: allIds.slice(1, 3),
      threats: [],
    },
    {
      level: 'e2e' as const,
      title: `Journey: ${terms.subject}`,
      steps: 'Sign in, perform the main journey in the browser, sign out',
      expected: 'Each step shows its result; the audit trail lists every change',
      requirements: allIds.slice(0, 1),
      threats: [],
    },
    ...nonFunctionalCases(context.earlier),
    ...threatCases(context.earlier),
  ];
  return {
    mockingStrategy: chosen.mockingStrategy,
    cases: cases.map((testCase, index) => ({ id: `T-${index + 1}`, ...testCase })),
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
