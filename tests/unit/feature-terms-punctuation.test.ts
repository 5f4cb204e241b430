import { expect, it } from 'vitest';
import { extractFeatureTerms } from '../../src/activities/llm/offline/feature-terms';
import { MAX_FEATURE_LENGTH } from '../../src/api/request-schemas';

it.each([
  ['Export invoices-', 'invoices', 'Invoice'],
  ['Sync --orders--', 'orders', 'Order'],
  ['Route X-->Y', 'items', 'Item'],
  ['Add -', 'items', 'Item'],
])('reads hyphens in "%s" as joining words only: %s, %s', (feature, resource, entity) => {
  expect(extractFeatureTerms(feature)).toMatchObject({ resource, entity });
});

it('builds phrases that fit a sentence from a title of the longest length the API takes', () => {
  const terms = extractFeatureTerms('Let admins export invoices as CSV and '.repeat(20).slice(0, MAX_FEATURE_LENGTH));
  expect(terms.capability).toMatch(/^export invoices as CSV and /);
  expect(terms.capability.length).toBeLessThanOrEqual(120);
  expect(terms.subject.length).toBeLessThanOrEqual(120);
});

it('keeps at most 20 sentences of a description, each cut to fit a requirement', () => {
  const description = [...Array.from({ length: 30 }, (_, index) => `Rule ${index} holds`), 'B'.repeat(5000)].join('. ');
  const { sentences } = extractFeatureTerms('Export invoices', description);
  expect(sentences).toHaveLength(20);
  expect(extractFeatureTerms('Export invoices', 'B'.repeat(5000)).sentences[0]!.length).toBeLessThanOrEqual(400);
});
