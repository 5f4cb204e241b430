import { CACHES, DEFAULT_CACHE, type CacheProduct } from './caches';
import { CLOUDS, PLATFORMS, type Cloud, type Platform } from './clouds';
import {
  CASSANDRA_COMPATIBLE,
  DATABASE_ENGINES,
  DEFAULT_DATABASE_ENGINE,
  type DatabaseEngine,
} from './database-engines';
import { findMention, versionNamed, type Mention } from './find-mention';
import { IDENTITY_PROVIDERS, SIGN_IN_PROTOCOLS } from './identity-providers';
import { DEFAULT_MESSAGE_BROKER, MESSAGE_BROKERS, type MessageBroker } from './message-brokers';
import { INFRASTRUCTURE_TOOLS, MIGRATION_TOOLS } from './migration-tools';
import { CLIENT_SIDE_LANGUAGES, DEFAULT_RUNTIME, RUNTIMES, type Runtime } from './runtimes';

/** Whether the context named a choice, or the pack falls back to today's default. */
interface Stated {
  stated: boolean;
  /** As a pack writes it: "MySQL 8", "Redis 7", "Go (Gin)". */
  label: string;
}

/** The team's stack as the offline generator reads it from their context document. */
export interface StackProfile {
  database: DatabaseEngine & Stated & { migrationTool?: string };
  cache: CacheProduct & Stated;
  broker: MessageBroker & Stated;
  runtime: Runtime & Stated & { framework?: string };
  /** Who signs people in; unset when the context names neither a provider nor a protocol. */
  identity?: { provider?: string; protocol?: string };
  cloud?: Cloud;
  platform?: Platform;
}

// A line that says what it is about ("Database: MySQL 8", "| Queue | Kafka |") outranks a passing mention.
const labelled = (words: string) =>
  new RegExp(`^\\s*(?:[-*+|]\\s*)?(?:\\*\\*|__)?\\s*(?:${words})\\b[^:\\n|]*[:|]`, 'i');
const LABELS = {
  database: labelled('databases?|db|datastores?|data stores?|storage|persistence|system of record'),
  cache: labelled('cach(?:e|es|ing)'),
  broker: labelled('queues?|queuing|queueing|messaging|message bus|brokers?|events?|event bus|streaming'),
  runtime: labelled('languages?|runtimes?|backend|back-end|services?|server'),
  identity: labelled('identity|auth\\w*|sso|single sign-on|sign-in|login|idp'),
  cloud: labelled('cloud|hosting|platform|infrastructure|infra|deploy\\w*'),
};

/** What the text names of each kind; what it does not name stays at today's defaults. */
export function readStackProfile(text = ''): StackProfile {
  const database = findMention(text, [...DATABASE_ENGINES, ...CASSANDRA_COMPATIBLE], LABELS.database);
  const cache = findMention(text, CACHES, LABELS.cache);
  const broker = findMention(text, MESSAGE_BROKERS, LABELS.broker);
  const runtime = runtimeOf(text);
  const engine = database?.choice ?? DEFAULT_DATABASE_ENGINE;
  const provider = findMention(text, IDENTITY_PROVIDERS, LABELS.identity)?.choice.name;
  const protocol = findMention(text, SIGN_IN_PROTOCOLS)?.choice.name ?? (provider ? 'OpenID Connect' : undefined);
  const cloud = findMention(text, CLOUDS, LABELS.cloud)?.choice;
  const platform = findMention(text, PLATFORMS, LABELS.cloud)?.choice;
  return {
    database: {
      ...engine,
      stated: Boolean(database),
      label: label(engine.name, database ?? { version: engine.defaultVersion }),
      migrationTool: migrationTool(text, engine, runtime),
    },
    cache: {
      ...(cache?.choice ?? DEFAULT_CACHE),
      stated: Boolean(cache),
      label: label((cache?.choice ?? DEFAULT_CACHE).name, cache ?? { version: DEFAULT_CACHE.defaultVersion }),
    },
    broker: {
      ...(broker?.choice ?? DEFAULT_MESSAGE_BROKER),
      stated: Boolean(broker),
      label: (broker?.choice ?? DEFAULT_MESSAGE_BROKER).technology,
    },
    runtime,
    ...(provider || protocol
      ? { identity: { ...(provider ? { provider } : {}), ...(protocol ? { protocol } : {}) } }
      : {}),
    ...(cloud ? { cloud } : {}),
    ...(platform ? { platform } : {}),
  };
}

function runtimeOf(text: string): StackProfile['runtime'] {
  const mention = findMention(text, RUNTIMES, LABELS.runtime);
  const runtime = mention?.choice ?? DEFAULT_RUNTIME;
  const stated = Boolean(mention) || CLIENT_SIDE_LANGUAGES.test(text);
  if (!stated) return { ...runtime, stated, label: runtime.name };
  const language = runtime.languages.find((candidate) => candidate.pattern.test(text));
  const framework = runtime.frameworks.find(([pattern]) => pattern.test(text))?.[1];
  const name = language?.replacesName ? language.name : runtime.name;
  const versionNumber = versionNamed(text, runtime, runtime.versioned);
  const version = versionNumber ? ` ${versionNumber}` : '';
  const details = [language && !language.replacesName ? language.name : undefined, framework].filter(Boolean);
  return {
    ...runtime,
    stated,
    ...(framework ? { framework } : {}),
    label: `${name}${version}${details.length ? ` (${details.join(', ')})` : ''}`,
  };
}

/** The tool that applies schema changes: named in the text, else the one teams on the stated runtime use. */
function migrationTool(text: string, engine: DatabaseEngine, runtime: StackProfile['runtime']): string | undefined {
  if (engine.model === 'key-value')
    return findMention(text, INFRASTRUCTURE_TOOLS)?.choice.name ?? 'infrastructure code';
  const named = findMention(text, MIGRATION_TOOLS)?.choice.name;
  if (named || engine.model !== 'relational' || !runtime.stated) return named;
  return runtime.migrationTool(runtime.framework);
}

function label(name: string, mention: Pick<Mention<unknown>, 'version'>): string {
  return mention.version ? `${name} ${mention.version}` : name;
}
