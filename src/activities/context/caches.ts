import type { Recognisable } from './find-mention';

export interface CacheProduct extends Recognisable {
  id: string;
  name: string;
  defaultVersion: string;
  protocol: string;
  /** What it also does for the gateway, beside caching records. */
  alsoHolds: string;
}

/** The caches teams commonly run. */
export const CACHES: readonly CacheProduct[] = [
  {
    id: 'redis',
    pattern: /\bredis\b(?!\s+streams?\b)|\bmemorystore\b/i,
    name: 'Redis',
    defaultVersion: '7',
    protocol: 'RESP',
    alsoHolds: 'rate-limit counters',
  },
  {
    id: 'valkey',
    pattern: /\bvalkey\b/i,
    name: 'Valkey',
    defaultVersion: '8',
    protocol: 'RESP',
    alsoHolds: 'rate-limit counters',
  },
  {
    id: 'memcached',
    pattern: /\bmemcached?\b/i,
    name: 'Memcached',
    defaultVersion: '1.6',
    protocol: 'memcached protocol',
    alsoHolds: 'nothing else: rate-limit counters stay at the gateway',
  },
  {
    id: 'hazelcast',
    pattern: /\bhazelcast\b/i,
    name: 'Hazelcast',
    defaultVersion: '5',
    protocol: 'Hazelcast client protocol',
    alsoHolds: 'rate-limit counters',
  },
  {
    id: 'dragonfly',
    pattern: /\bdragonfly(?:db)?\b/i,
    name: 'Dragonfly',
    defaultVersion: '1',
    protocol: 'RESP',
    alsoHolds: 'rate-limit counters',
  },
];

export const DEFAULT_CACHE = CACHES[0]!;
