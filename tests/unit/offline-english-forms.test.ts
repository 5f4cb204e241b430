import { describe, expect, it } from 'vitest';
import {
  firstPerson,
  thirdPersonPlural,
  withoutPossessives,
} from '../../src/activities/llm/offline/grammatical-person';
import { plural, singular } from '../../src/activities/llm/offline/noun-forms';
import { standaloneNounPhrase } from '../../src/activities/llm/offline/noun-phrase';
import { gerund, pastParticiple } from '../../src/activities/llm/offline/verb-forms';
import { withArticle } from '../../src/shared/text';

describe('the article a phrase takes', () => {
  it.each([
    ['administrator', 'an administrator'],
    ['user', 'a user'],
    ['unread message', 'an unread message'],
    ['hourly report', 'an hourly report'],
    ['one-time code', 'a one-time code'],
    ['European customer', 'a European customer'],
    ['HR manager', 'an HR manager'],
    ['SSO connection', 'an SSO connection'],
    ['URL shortener', 'a URL shortener'],
    ['SAML assertion', 'a SAML assertion'],
    ['X-ray image', 'an X-ray image'],
    ['8-hour window', 'an 8-hour window'],
    ['11-day trial', 'an 11-day trial'],
    ['110 ms budget', 'a 110 ms budget'],
  ])('%s → %s', (phrase, expected) => {
    expect(withArticle(phrase)).toBe(expected);
  });
});

describe('word forms', () => {
  it('makes the -ing form and the past participle of a verb', () => {
    expect(['export', 'schedule', 'sync', 'submit', 'reset', 'tag', 'queue', 'see'].map(gerund)).toEqual([
      'exporting',
      'scheduling',
      'syncing',
      'submitting',
      'resetting',
      'tagging',
      'queuing',
      'seeing',
    ]);
    expect(['notify', 'remind', 'send', 'invite', 'alert'].map(pastParticiple)).toEqual([
      'notified',
      'reminded',
      'sent',
      'invited',
      'alerted',
    ]);
  });

  it('makes singulars and plurals, acronyms and irregular nouns included', () => {
    expect(
      ['invoices', 'entries', 'cookies', 'boxes', 'addresses', 'people', 'APIs', 'analyses', 'status'].map(singular),
    ).toEqual(['invoice', 'entry', 'cookie', 'box', 'address', 'person', 'API', 'analysis', 'status']);
    expect(['magic link', 'HR manager', 'policy', 'tax', 'SSO', 'staff'].map(plural)).toEqual([
      'magic links',
      'HR managers',
      'policies',
      'taxes',
      'SSOs',
      'staff',
    ]);
  });

  it('moves pronouns between the persons a spec speaks in', () => {
    expect(firstPerson('delete their account when they are done')).toBe('delete my account when I am done');
    expect(thirdPersonPlural('reset his password')).toBe('reset their password');
    expect(withoutPossessives('exporting their workspace data')).toBe('exporting the workspace data');
  });

  it('gives a bare singular noun phrase "the" so it can stand in a sentence, and leaves plurals and mass nouns bare', () => {
    expect(standaloneNounPhrase('order history page for shoppers')).toBe('the order history page for shoppers');
    expect(standaloneNounPhrase('invoice reminders for overdue accounts')).toBe(
      'invoice reminders for overdue accounts',
    );
    expect(standaloneNounPhrase('passwordless login with magic links')).toBe('passwordless login with magic links');
    expect(standaloneNounPhrase('a public status page')).toBe('a public status page');
  });
});
