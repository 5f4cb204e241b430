import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import type { Testing } from './schema';

/** A unit case per functional requirement, then one case at each further level. */
export function offlineTesting(context: PhaseContext): Testing {
  const terms = extractFeatureTerms(context.feature, context.description);
  const requirements = context.earlier.requirements?.functional ?? [];
  const perRequirement = requirements.map((requirement) => ({
    level: 'unit' as const,
    title: `${requirement.id}: ${requirement.text}`,
    steps: 'Call the service function with valid, boundary and invalid input',
    expected: 'Valid input succeeds; invalid input is refused with a field-level error',
    requirements: [requirement.id],
  }));
  const allIds = requirements.map((requirement) => requirement.id);
  const cases = [
    ...perRequirement,
    { level: 'integration' as const, title: `${terms.resourceWords} service against a real PostgreSQL and queue`, steps: 'Create, update and delete through the HTTP API in a test container', expected: 'Rows, outbox events and cache invalidations match each step', requirements: allIds.slice(1, 3) },
    { level: 'e2e' as const, title: `Journey: ${terms.subject}`, steps: 'Sign in, perform the main journey in the browser, sign out', expected: 'Each step shows its result; the audit trail lists every change', requirements: allIds.slice(0, 1) },
    { level: 'performance' as const, title: 'Read and write latency under peak load', steps: 'k6: 200 rps for 15 minutes, 80% reads', expected: 'p95 reads < 300 ms, p95 writes < 500 ms, error rate < 0.1%', requirements: [] },
    { level: 'security' as const, title: 'Access control and input abuse', steps: 'Call every endpoint as another user, without a token, with oversized and malformed bodies', expected: '403/401/422 responses; no data leaks; ZAP baseline scan clean', requirements: [] },
    { level: 'chaos' as const, title: 'Cache and queue outages', steps: 'Kill Redis, then pause the queue for 5 minutes during load', expected: 'Requests fall back to the database; events are delivered after recovery, none lost', requirements: [] },
  ];
  return {
    mockingStrategy: 'Unit tests fake the repository, queue and clock behind interfaces; integration tests use real PostgreSQL and queue containers; external email is a local fake HTTP server.',
    cases: cases.map((testCase, index) => ({ id: `T-${index + 1}`, ...testCase })),
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
