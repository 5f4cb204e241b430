import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractFeatureTerms } from '../../src/activities/llm/offline/feature-terms';
import { userStorySentence } from '../../src/activities/render/user-story-sentence';
import { withArticle } from '../../src/shared/text';
import { grammarProblems, offlinePhases, wrongArticles } from '../helpers/english-rules';

// Titles are drawn from these words, in the shapes people write them: the rules must hold on every combination.
const verbs = fc.constantFrom(
  'export',
  'import',
  'send',
  'schedule',
  'approve',
  'generate',
  'sync',
  'publish',
  'archive',
  'download',
  'upload',
  'merge',
  'rename',
  'translate',
  'refund',
  'invite',
  'track',
  'share',
  'review',
);
const actors = fc.constantFrom(
  'user',
  'customer',
  'admin',
  'administrator',
  'owner',
  'agent',
  'operator',
  'accountant',
  'editor',
  'auditor',
  'engineer',
  'HR manager',
  'IT analyst',
  'member',
  'umpire',
  'sales rep',
);
const things = fc.constantFrom(
  'invoices',
  'orders',
  'API keys',
  'SSO connections',
  'URL redirects',
  'expense reports',
  'attachments',
  'audit entries',
  'hourly snapshots',
  'unit prices',
  'user groups',
  'FAQ articles',
  'invitations',
);
const tails = fc.constantFrom(
  '',
  ' as CSV',
  ' by email',
  ' every night',
  ' for their team',
  ' in bulk',
  ' with one click',
  ' across regions',
);
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (actor: string) => `${actor}s`;

const titles = fc.oneof(
  fc.tuple(verbs, things, tails).map(([verb, thing, tail]) => `${capital(verb)} ${thing}${tail}`),
  fc
    .tuple(actors, verbs, things, tails)
    .map(([actor, verb, thing, tail]) => `Let ${plural(actor)} ${verb} ${thing}${tail}`),
  fc
    .tuple(actors, verbs, things, tails)
    .map(([actor, verb, thing, tail]) => `Allow ${withArticle(actor)} to ${verb} ${thing}${tail}`),
  fc
    .tuple(actors, verbs, things, tails)
    .map(([actor, verb, thing, tail]) => `Can ${plural(actor)} ${verb} ${thing}${tail}?`),
  fc.tuple(actors, verbs, things).map(([actor, verb, thing]) => `How do ${plural(actor)} ${verb} ${thing}?`),
  fc
    .tuple(things, actors)
    .map(([thing, actor]) => `${capital(thing.replace(/s$/, ''))} dashboard for ${plural(actor)}`),
  fc.tuple(things, tails).map(([thing, tail]) => `Add ${thing.replace(/s$/, '')} history${tail}`),
);

describe('offline text on any title of the usual shapes', () => {
  it('keeps every grammar rule in every phase', () => {
    fc.assert(
      fc.property(titles, (title) => {
        expect(grammarProblems(offlinePhases(title))).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('writes every user story as "As a/an <actor>, I want to <verb> …, so that …", naming the actor the title names', () => {
    fc.assert(
      fc.property(fc.tuple(actors, verbs, things), ([actor, verb, thing]) => {
        const title = `Let ${plural(actor)} ${verb} ${thing}`;
        const { requirements } = offlinePhases(title);
        expect(extractFeatureTerms(title).actor).toBe(actor);
        for (const story of requirements.userStories) {
          const sentence = userStorySentence(story);
          expect(sentence).toMatch(/^As an? [A-Za-z][A-Za-z -]*, I want to [a-z]+\b.*, so that .+/);
          expect(wrongArticles(sentence)).toEqual([]);
        }
        expect(requirements.userStories[0]!.iWant).toBe(`to ${verb} ${thing}`);
      }),
      { numRuns: 100 },
    );
  });
});
