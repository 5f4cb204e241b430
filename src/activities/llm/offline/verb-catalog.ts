import { BREAK_WORD } from './noun-phrase';

/**
 * The verbs a feature title may start with, and what each means for the spec: a job the API
 * starts and the caller polls (export → an export), something done to people (notify → be
 * notified), or a plain verb whose feature is the CRUD it implies.
 */
export interface JobVerb {
  /** The job, singular, as prose says it: "export", "delivery". */
  job: string;
  /** The job collection under the resource, plural kebab-case: "exports", "deliveries". */
  collection: string;
}

const JOBS: Record<string, [job: string, collection: string]> = {
  export: ['export', 'exports'],
  import: ['import', 'imports'],
  send: ['delivery', 'deliveries'],
  schedule: ['schedule', 'schedules'],
  approve: ['approval', 'approvals'],
  reject: ['rejection', 'rejections'],
  generate: ['generation', 'generations'],
  sync: ['sync', 'syncs'],
  synchronise: ['sync', 'syncs'],
  synchronize: ['sync', 'syncs'],
  publish: ['publication', 'publications'],
  archive: ['archive', 'archives'],
  download: ['download', 'downloads'],
  upload: ['upload', 'uploads'],
  restore: ['restore', 'restores'],
  translate: ['translation', 'translations'],
  merge: ['merge', 'merges'],
  refund: ['refund', 'refunds'],
  invite: ['invitation', 'invitations'],
  convert: ['conversion', 'conversions'],
  transfer: ['transfer', 'transfers'],
  reconcile: ['reconciliation', 'reconciliations'],
  migrate: ['migration', 'migrations'],
  transcribe: ['transcription', 'transcriptions'],
  summarise: ['summary', 'summaries'],
  summarize: ['summary', 'summaries'],
  analyse: ['analysis', 'analyses'],
  analyze: ['analysis', 'analyses'],
  classify: ['classification', 'classifications'],
  verify: ['verification', 'verifications'],
  scan: ['scan', 'scans'],
  print: ['print', 'prints'],
  deduplicate: ['deduplication', 'deduplications'],
  recalculate: ['recalculation', 'recalculations'],
  bill: ['billing run', 'billing-runs'],
  charge: ['charge', 'charges'],
};

// Done to people rather than by them: "Notify users when…" means users are notified.
const TO_PEOPLE = new Set(['notify', 'remind', 'alert', 'warn', 'email', 'text', 'message', 'ping', 'nudge']);

// Plain verbs: the feature is what they name, on the records they name.
const PLAIN = new Set([
  'track', 'manage', 'view', 'see', 'show', 'display', 'search', 'find', 'browse', 'edit', 'update', 'create', 'delete', 'remove',
  'rename', 'tag', 'label', 'assign', 'comment', 'rate', 'review', 'bookmark', 'favourite', 'favorite', 'follow', 'subscribe',
  'unsubscribe', 'pause', 'resume', 'cancel', 'book', 'reserve', 'pay', 'order', 'buy', 'sell', 'compare', 'filter', 'sort',
  'customise', 'customize', 'configure', 'set', 'reset', 'change', 'lock', 'unlock', 'block', 'mute', 'pin', 'record', 'log',
  'monitor', 'audit', 'preview', 'duplicate', 'copy', 'clone', 'split', 'restrict', 'limit', 'hide', 'join', 'leave', 'grade',
  'sign', 'submit', 'request', 'claim', 'redeem', 'earn', 'share', 'use', 'attach', 'organise', 'organize', 'group', 'sync',
  'process', 'automate', 'collect', 'store', 'verify', 'invite', 'flag', 'report', 'vote', 'like', 'save', 'open', 'close',
  'reopen', 'return', 'exchange', 'check', 'enrol', 'enroll', 'register', 'apply', 'accept', 'decline', 'confirm', 'withdraw',
  'deposit', 'top', 'renew', 'downgrade', 'switch', 'link', 'unlink', 'connect', 'disconnect', 'plan', 'estimate',
  'quote', 'invoice', 'dispatch', 'route', 'scan', 'sign', 'watch', 'listen', 'play', 'stream', 'chat',
  'call', 'message', 'post', 'reply', 'mention', 'react', 'draft', 'annotate', 'highlight', 'measure', 'forecast', 'predict',
  'recommend', 'suggest', 'detect', 'prevent', 'escalate', 'triage', 'resolve', 'close', 'be', 'get', 'receive', 'keep', 'retry',
]);

// Verbs that introduce a feature rather than name it: "Add passwordless login" is about the login.
const INTRODUCING = new Set(['add', 'adds', 'build', 'implement', 'support', 'introduce', 'provide', 'offer', 'ship', 'launch', 'design', 'improve', 'redesign', 'rework', 'revamp', 'upgrade', 'extend', 'expand', 'polish', 'fix', 'optimise', 'optimize', 'simplify', 'streamline', 'enable', 'allow', 'make', 'develop', 'deliver', 'roll']);

// Singular nouns that, right after a title's first word, make the two a compound noun: "Export history page", "Schedule view".
const NOUN_HEADS = new Set(['page', 'view', 'history', 'button', 'settings', 'screen', 'panel', 'log', 'status', 'queue', 'center', 'centre', 'dashboard', 'api', 'service', 'job', 'tool', 'format', 'feature', 'option', 'flow', 'workflow', 'template', 'limit', 'wizard', 'modal', 'dialog', 'widget', 'form', 'list', 'link', 'endpoint', 'report', 'reminder', 'notification', 'preview', 'mode', 'module', 'builder', 'editor', 'manager', 'tracking', 'system', 'policy', 'rules', 'trail', 'card', 'portal', 'inbox', 'feed', 'calendar', 'board', 'summary']);
// Verbs that are also nouns, and the plurals that make them a compound noun after them:
// "Invoice reminders", "Order updates", "Refund requests" name things; "Order groceries" does something.
const NOUN_LIKE_VERBS = new Set(['invoice', 'order', 'audit', 'report', 'record', 'log', 'quote', 'bookmark', 'draft', 'request', 'claim', 'deposit', 'plan', 'refund', 'review', 'tag', 'link', 'group', 'filter', 'book', 'label', 'comment', 'message', 'post', 'rate', 'return', 'payment', 'price', 'stock', 'shift', 'task', 'ticket']);
const COMPOUND_TAILS = new Set(['reminders', 'updates', 'notifications', 'alerts', 'summaries', 'digests', 'requests', 'emails', 'messages', 'previews', 'suggestions', 'changes', 'events', 'statuses', 'approvals', 'templates', 'limits', 'rules', 'policies', 'settings', 'logs', 'reports', 'exports', 'imports', 'threads', 'counts', 'totals', 'trends', 'insights', 'metrics', 'comments', 'labels', 'filters', 'views']);

export function jobOf(verb: string): JobVerb | undefined {
  const job = JOBS[verb];
  return job && { job: job[0], collection: job[1] };
}

export function isDoneToPeople(verb: string): boolean {
  return TO_PEOPLE.has(verb);
}

/** A verb the title can start with and mean "do this": every job verb, every verb done to people, every plain verb. */
export function isFeatureVerb(word: string): boolean {
  return word in JOBS || TO_PEOPLE.has(word) || PLAIN.has(word);
}

export function isIntroducingVerb(word: string): boolean {
  return INTRODUCING.has(word);
}

/**
 * "Export invoices" and "Export API keys" start with a verb; "Export history page", "Audit log of
 * admin actions" and "Invoice reminders for overdue accounts" start with a noun that looks like one.
 */
export function startsWithFeatureVerb(words: string[]): boolean {
  const [first, second, third] = words.map((word) => word.toLowerCase());
  if (first === undefined || !isFeatureVerb(first)) return false;
  if (second === undefined) return true;
  const headEnds = third === undefined || BREAK_WORD.test(third) || NOUN_HEADS.has(third);
  // "Label printing for warehouses", "Order tracking": an activity named by its thing; "Track shipping costs" does something.
  if ((NOUN_HEADS.has(second) || second.endsWith('ing')) && headEnds) return false;
  return !(NOUN_LIKE_VERBS.has(first) && COMPOUND_TAILS.has(second) && headEnds);
}
