import { randomBytes } from 'node:crypto';
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
