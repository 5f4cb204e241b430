import { expect, it } from 'vitest';
import { extractFeatureTerms } from '../../src/activities/llm/offline/feature-terms';

it.each([
  ['Add passwordless login with magic links', 'magic links', 'MagicLink'],
  ['Export invoices to CSV', 'invoices', 'Invoice'],
  ['Real-time order tracking for customers', 'orders', 'Order'],
  ['Team workspaces with role-based access', 'team workspaces', 'TeamWorkspace'],
  ['Build a "smart" search for products [beta] using vector embeddings & filters', 'products', 'Product'],
  ['Support multi-currency pricing with exchange rates from an external feed', 'exchange rates', 'ExchangeRate'],
  ['Let users delete their account and all personal data (GDPR)', 'accounts', 'Account'],
  ['Let admins export audit logs as CSV', 'audit logs', 'AuditLog'],
  ['Notify users when their subscription renews', 'subscriptions', 'Subscription'],
])('names the resource of "%s" as %s', (feature, resourceWords, entity) => {
  expect(extractFeatureTerms(feature)).toMatchObject({ resourceWords, entity });
});

it('turns each sentence of the description into a candidate requirement', () => {
  expect(extractFeatureTerms('Add login', 'Links expire after 15 minutes. A link works once!').sentences).toEqual(['Links expire after 15 minutes', 'A link works once']);
});
