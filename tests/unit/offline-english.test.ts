import { describe, expect, it } from 'vitest';
import { extractFeatureTerms } from '../../src/activities/llm/offline/feature-terms';
import { userStorySentence } from '../../src/activities/render/user-story-sentence';
import { phaseItems } from '../../src/review/phase-items';
import titles from '../fixtures/varied-titles.json';
import {
  brokenClauses,
  doubledWords,
  grammarProblems,
  offlinePhases,
  pastedAfterUse,
  singularVerbAfter,
  wrongArticles,
} from '../helpers/english-rules';

describe.each(titles)('offline text for "$title" ($form)', ({ title, form, actor, resource, action }) => {
  const phases = offlinePhases(title);
  const { requirements } = phases;

  it('reads the title: who acts, on what, and the job its verb starts', () => {
    const terms = extractFeatureTerms(title);
    expect({ actor: terms.actor, resource: terms.resource, action: terms.action?.collection }).toEqual({
      actor,
      resource,
      action,
    });
  });

  it('has the right articles, no doubled words, no verb pasted after "use", no clause without its verb and no plural subject with "is", in every phase', () => {
    const plural =
      form === 'noun-led' && /s$/.test(title.split(/ (?:for|when|in|of) /)[0]!)
        ? extractFeatureTerms(title).subject
        : undefined;
    expect(grammarProblems(phases, plural)).toEqual([]);
  });

  it('writes every user story as "As a/an <actor>, I want to <verb> …, so that …" in the first person', () => {
    for (const story of requirements.userStories) {
      const sentence = userStorySentence(story);
      expect(sentence).toMatch(/^As an? [A-Za-z][A-Za-z -]*, I want to [a-z]+\b[^,]*(,[^,]+)*, so that [^,]+/);
      expect(wrongArticles(sentence)).toEqual([]);
      expect(story.iWant).not.toMatch(/^to \w+(ing|ed)\b/);
      expect(`${story.iWant} ${story.soThat}`).not.toMatch(/\b(they|their|them)\b/);
    }
    expect(requirements.userStories[0]).toMatchObject({ asA: actor });
  });

  it('says every acceptance criterion as Given, When, Then with a subject and its verb', () => {
    for (const criterion of requirements.userStories.flatMap((story) => story.acceptanceCriteria)) {
      const sentence = `Given ${criterion.given}, when ${criterion.when}, then ${criterion.then}`;
      expect([...wrongArticles(sentence), ...brokenClauses(sentence), ...pastedAfterUse(sentence)]).toEqual([]);
      expect(criterion.when).toMatch(/^(they [a-z]+|an? [^ ]+)/);
    }
  });

  it('starts each requirement and the summary with a capital', () => {
    for (const text of [
      requirements.summary,
      ...requirements.functional.map((requirement) => requirement.text),
      phases.architecture.overview,
    ]) {
      expect(text).toMatch(/^[A-Z0-9]/);
    }
  });

  it('labels the stories a reviewer comments on with the same sentence', () => {
    const labels = phaseItems('requirements', requirements)
      .filter((item) => item.kind === 'user story')
      .map((item) => item.label);
    expect(labels).toEqual(requirements.userStories.map(userStorySentence));
  });
});

describe('the grammar rules themselves', () => {
  it('flag the sentences the issue quotes', () => {
    expect(wrongArticles('As a administrator, I want to see every change')).toEqual(['a administrator']);
    expect(pastedAfterUse('Users can use customers export invoices as CSV')).toEqual(['use customers export']);
    expect(pastedAfterUse('Users can use user group history')).toEqual([]);
    expect(brokenClauses('when they every change to a magic link is recorded')).toEqual(['they every']);
    expect(doubledWords('Every change to the the invoice')).toEqual(['the the']);
    expect(
      singularVerbAfter(
        'invoice reminders for overdue accounts',
        'Invoice reminders for overdue accounts is served by a service',
      ),
    ).toEqual(['Invoice reminders for overdue accounts is']);
  });

  it('pass the article of acronyms and of words said with another first sound', () => {
    expect(
      wrongArticles('an HR manager, a URL shortener, an FAQ page, a SAML session, a unit, an hour, an 8-hour window'),
    ).toEqual([]);
    expect(wrongArticles('a HR manager, an URL, a FAQ')).toEqual(['a HR', 'an URL', 'a FAQ']);
  });
});
