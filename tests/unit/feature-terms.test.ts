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
  expect(extractFeatureTerms('Add login', 'Links expire after 15 minutes. A link works once!').sentences).toEqual([
    'Links expire after 15 minutes',
    'A link works once',
  ]);
});

it.each([
  [
    'Let customers export invoices as CSV',
    {
      actor: 'customer',
      actors: 'customers',
      capability: 'export invoices as CSV',
      subject: 'exporting invoices as CSV',
    },
  ],
  [
    'Allow an operator to reset their password',
    { actor: 'operator', actors: 'operators', capability: 'reset their password', subject: 'resetting the password' },
  ],
  [
    'Can HR managers approve leave requests?',
    {
      actor: 'HR manager',
      actors: 'HR managers',
      capability: 'approve leave requests',
      subject: 'approving leave requests',
    },
  ],
  [
    'Notify subscribers when a plan changes',
    {
      actor: 'subscriber',
      actors: 'subscribers',
      capability: 'be notified when a plan changes',
      subject: 'notifying subscribers when a plan changes',
    },
  ],
  [
    'Gift card balance page for shoppers',
    {
      actor: 'shopper',
      actors: 'shoppers',
      capability: 'use the gift card balance page',
      subject: 'the gift card balance page for shoppers',
    },
  ],
  [
    'Add two-factor login',
    { actor: 'user', actors: 'users', capability: 'use two-factor login', subject: 'two-factor login' },
  ],
  [
    'As an auditor, I want to export access logs so that I can review them',
    { actor: 'auditor', capability: 'export access logs', subject: 'exporting access logs' },
  ],
  ['When a payment fails, notify the owner', { actor: 'owner', capability: 'be notified when a payment fails' }],
  ["Let's add dark mode", { actor: 'user', capability: 'use dark mode' }],
  [
    'If an upload fails, retry it automatically',
    { capability: 'retry it automatically if an upload fails', resource: 'uploads' },
  ],
])('reads who acts and what they can do in "%s"', (feature, expected) => {
  expect(extractFeatureTerms(feature)).toMatchObject(expected);
});

it('names the job a verb-led feature starts, and none for a verb that starts no job', () => {
  expect(extractFeatureTerms('Export invoices to CSV').action).toEqual({
    verb: 'export',
    job: 'export',
    collection: 'exports',
  });
  expect(extractFeatureTerms('Let agents send replies by email').action).toEqual({
    verb: 'send',
    job: 'delivery',
    collection: 'deliveries',
  });
  expect(extractFeatureTerms('Let users delete their account and all personal data (GDPR)').action).toBeUndefined();
  expect(extractFeatureTerms('Export history page for admins').action).toBeUndefined();
});

it('keeps acronyms in capitals in prose and in lower case in names', () => {
  expect(extractFeatureTerms('Let admins rotate API keys')).toMatchObject({
    entityWords: 'API key',
    resourceWords: 'API keys',
    resource: 'api-keys',
    table: 'api_keys',
    entity: 'ApiKey',
  });
});
