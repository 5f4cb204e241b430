import { createHash, randomBytes } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { encryptsPayloads } from '../codec/encrypts-payloads';
import { slugify } from '../shared/slug';

export const SPEC_ID_PATTERN = /^spec-[a-z0-9-]{1,60}-[0-9a-f]{8}$/;

/** Readable in the Temporal UI, unique per request. */
export function newSpecId(feature: string): string {
  return `spec-${slugify(feature).slice(0, 40).replace(/-+$/, '')}-${randomBytes(4).toString('hex')}`;
}

/** An id that tells nothing of the feature: Temporal keeps ids in plain text, whatever the codec. */
export function opaqueSpecId(): string {
  return `spec-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
}

/** The id a run started by this client gets: the feature's words only when its payloads are not encrypted. */
export function specIdFor(client: Client, feature: string): string {
  return encryptsPayloads(client) ? opaqueSpecId() : newSpecId(feature);
}

/**
 * The id of a run that follows another in a lineage (an amendment's version, a retry): the
 * lineage's id with its last part replaced by a hash of `key`, so it keeps the lineage's form
 * (readable or opaque) and the same request always names the same run.
 */
export function derivedSpecId(lineage: string, key: string): string {
  const hash = createHash('sha256').update(`${lineage}:${key}`).digest('hex').slice(0, 8);
  return lineage.replace(/-[0-9a-f]{8}$/, '') + `-${hash}`;
}
