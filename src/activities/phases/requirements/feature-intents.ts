import { capitalise, withArticle } from '../../../shared/text';
import type { FeatureTerms } from '../../llm/offline/feature-terms';
import { firstPerson } from '../../llm/offline/grammatical-person';

/** One thing the feature must do, said as a requirement and as the user story that asks for it. */
export interface FeatureIntent {
  requirement: string;
  asA: string;
  /** "to export my invoices as CSV": the story reads "I want to …". */
  iWant: string;
  soThat: string;
  /** The acceptance criterion's When and Then: "they export invoices as CSV". */
  when: string;
  then: string;
}

/**
 * What every feature needs (use it, keep its records, audit them, hear about changes) and, for a
 * verb-led feature whose verb takes time, its background job. The order is relied on by later
 * templates, which trace their design to FR-1..FR-4 by position.
 */
export function featureIntents(terms: FeatureTerms): FeatureIntent[] {
  const { actor, actors, capability, resourceWords, entityWords } = terms;
  const entity = withArticle(entityWords);
  const doneToThem = capability.startsWith('be ');
  const intents: FeatureIntent[] = [
    {
      requirement: `${capitalise(actors)} can ${capability}, ${doneToThem ? 'in the product and by email' : 'in the web client and through the public API'}`,
      asA: actor,
      iWant: `to ${firstPerson(capability)}`,
      soThat: 'I get it done without extra steps or help from support',
      when: `they ${capability.replace(/^be /, 'are ')}`,
      then: 'the request succeeds and the result is visible within 1 second',
    },
    {
      requirement: `${capitalise(actors)} can create, view, update and list their ${resourceWords}`,
      asA: actor,
      iWant: `to create, view, update and list my ${resourceWords}`,
      soThat: `I keep my ${resourceWords} up to date in one place`,
      when: `they create ${entity}, then open it from the list`,
      then: 'the list shows it at once with the values they entered',
    },
    {
      requirement: `Every change to ${entity} is recorded in an audit trail with actor and time`,
      asA: 'administrator',
      iWant: `to see every change to ${entity} with who made it and when`,
      soThat: 'I can answer who changed what and when',
      when: `they open the audit trail of ${entity}`,
      then: 'every change is listed with its actor and time, newest first',
    },
    {
      requirement: `${capitalise(actors)} are notified when ${entity} they own changes state`,
      asA: actor,
      iWant: `to be notified when ${entity} I own changes state`,
      soThat: 'I can act on the change without checking back',
      when: `${entity} they own changes state`,
      then: 'they are notified within 1 minute, in the product and by email',
    },
  ];
  if (terms.action) {
    const job = withArticle(terms.action.job);
    intents.push({
      requirement: `${capitalise(job)} of ${resourceWords} runs as a background job: ${actors} start it, follow its status and get its result`,
      asA: actor,
      iWant: `to follow ${job} of ${resourceWords} until its result is ready`,
      soThat: `a long ${terms.action.job} never blocks my work`,
      when: `they start ${job} of ${resourceWords}`,
      then: 'they get 202 with a link to the job, which reports its status until the result is ready',
    });
  }
  return intents;
}
