import { capitalise } from '../../../shared/text';
import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { oneLine, reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import type { Requirements } from './schema';

/** Requirements from the request's own words, the reviewers' feedback and the answers given. */
export function offlineRequirements(context: PhaseContext): Requirements {
  const terms = extractFeatureTerms(context.feature, context.description);
  const statements = [
    `Users can use ${terms.subject} from the web client and the public API`,
    `Users can create, view, update and list their ${terms.resourceWords}`,
    `Every change to a ${terms.entityWords} is recorded in an audit trail with actor and time`,
    `Users are notified when a ${terms.entityWords} they own changes state`,
    ...terms.sentences,
    ...context.feedback.map((feedback) => `Reviewer request: ${oneLine(feedback)}`),
  ];
  const functional = statements.map((text, index) => ({ id: `FR-${index + 1}`, text, priority: index < 3 ? ('must' as const) : ('should' as const) }));
  const questions = [
    ['Who may use this feature?', 'Signed-in users of the product; administrators see everyone\u2019s records'],
    ['What peak load must it carry?', '200 requests per second at peak, 50 on average'],
    [`How long are ${terms.resourceWords} kept?`, '365 days, then deleted'],
  ].map(([question, suggestedDefault], index) => {
    const id = `Q-${index + 1}`;
    return { id, question: question!, suggestedDefault: suggestedDefault!, answer: context.answers[id] ?? null };
  });
  return {
    summary: `${capitalise(terms.subject)}: ${functional.length} requirements derived from the request${context.description ? ' and its description' : ''}.`,
    functional,
    nonFunctional: [
      { id: 'NFR-1', category: 'performance', text: 'p95 latency under 300 ms and p99 under 800 ms for reads; p95 under 500 ms for writes' },
      { id: 'NFR-2', category: 'throughput', text: `Sustain ${questions[1]!.answer ?? '200 requests per second at peak'} with headroom of 2x` },
      { id: 'NFR-3', category: 'availability', text: '99.9% monthly availability (43 minutes of downtime a month at most)' },
      { id: 'NFR-4', category: 'security', text: 'All traffic over TLS 1.2+; data encrypted at rest with AES-256; authenticated access only' },
      { id: 'NFR-5', category: 'retention', text: `${capitalise(terms.resourceWords)} retained for ${questions[2]!.answer ?? '365 days'}` },
    ],
    userStories: functional.slice(0, 4).map((requirement, index) => {
      const storyNumber = index + 1;
      return {
        id: `US-${storyNumber}`,
        asA: index === 2 ? 'administrator' : 'signed-in user',
        iWant: requirement.text.replace(/^Users can /, '').replace(/^Every /, 'every '),
        soThat: index === 2 ? 'I can answer who changed what and when' : `I get the value of ${terms.subject} without extra steps`,
        requirements: [requirement.id],
        acceptanceCriteria: [
          { id: `AC-${storyNumber}.1`, given: 'a signed-in user with access', when: `they ${requirement.text.replace(/^Users can /, '').toLowerCase()}`, then: 'the request succeeds and the result is visible within 1 second' },
          { id: `AC-${storyNumber}.2`, given: 'a user without access', when: 'they try the same action', then: 'it is refused with 403 and nothing changes' },
        ],
        edgeCases: [
          'The same request is sent twice (double click or client retry): one result, no duplicate',
          `The ${terms.entityWords} was deleted or expired between two steps`,
          'Input at the maximum allowed length, empty input and non-ASCII text',
        ],
      };
    }),
    questions,
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
