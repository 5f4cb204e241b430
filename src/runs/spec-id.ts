import { randomBytes } from 'node:crypto';
import { slugify } from '../shared/slug';

export const SPEC_ID_PATTERN = /^spec-[a-z0-9-]{1,60}-[0-9a-f]{8}$/;

/** Readable in the Temporal UI, unique per request. */
export function newSpecId(feature: string): string {
  return `spec-${slugify(feature).slice(0, 40).replace(/-+$/, '')}-${randomBytes(4).toString('hex')}`;
}
