import { capitalise, withArticle } from '../../../shared/text';
import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { MAX } from '../content-bounds';
import { oneLine, reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import { featureIntents } from './feature-intents';
import { storyEdgeCases } from './edge-cases';
import type { Requirements } from './schema';

/** Requirements from the request's own words, the reviewers' feedback and the answers given. */
export function offlineRequirements(context: PhaseContext): Requirements {
  const terms = extractFeatureTerms(context.feature, context.description);
  const intents = featureIntents(terms);
  const statements = [
    ...intents.map((intent) => intent.requirement),
    ...terms.sentences,
    ...context.feedback.map((feedback) => oneLine(`Reviewer request: ${feedback}`)),
  ].slice(0, MAX.many);
  const functional = statements.map((text, index) => ({
    id: `FR-${index + 1}`,
    text,
    priority: index < 3 ? ('must' as const) : ('should' as const),
  }));
  const questions = [
    [
      'Who may use this feature?',
      `Signed-in ${terms.actors} of the product; administrators see everyone\u2019s records`,
    ],
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
      {
        id: 'NFR-1',
        category: 'performance',
        text: 'p95 latency under 300 ms and p99 under 800 ms for reads; p95 under 500 ms for writes',
      },
      {
        id: 'NFR-2',
        category: 'throughput',
        text: `Sustain ${questions[1]!.answer ?? '200 requests per second at peak'} with headroom of 2x`,
      },
      {
        id: 'NFR-3',
        category: 'availability',
        text: '99.9% monthly availability (43 minutes of downtime a month at most)',
      },
      {
        id: 'NFR-4',
        category: 'security',
        text: 'All traffic over TLS 1.2+; data encrypted at rest with AES-256; authenticated access only',
      },
      {
        id: 'NFR-5',
        category: 'retention',
        text: `${capitalise(terms.resourceWords)} retained for ${questions[2]!.answer ?? '365 days'}`,
      },
    ],
    userStories: intents.map((intent, index) => {
      const storyNumber = index + 1;
      return {
        id: `US-${storyNumber}`,
        asA: intent.asA,
        iWant: intent.iWant,
        soThat: intent.soThat,
        requirements: [functional[index]!.id],
        acceptanceCriteria: [
          {
            id: `AC-${storyNumber}.1`,
            given: `${withArticle(intent.asA)} with access`,
            when: intent.when,
            then: intent.then,
          },
          {
            id: `AC-${storyNumber}.2`,
            given: `${withArticle(intent.asA)} without access`,
            when: 'they try the same action',
            then: 'it is refused with 403 and nothing changes',
          },
        ],
        edgeCases: storyEdgeCases({ actor: intent.asA, thing: terms.entityWords, things: terms.resourceWords }, index),
      };
    }),
    questions,
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
