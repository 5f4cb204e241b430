import { slugify } from '../../shared/slug';
import { sha256 } from './hash';

const SAFE_FOLDER = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * The folder name of one run: its id as it is when that is a plain name (every id specforge makes
 * is), else a slug of it and a hash of the whole id, so a run started directly through Temporal
 * with any workflow id still gets one folder of its own and never names a parent.
 */
export function runFolder(specId: string): string {
  if (SAFE_FOLDER.test(specId) && !specId.includes('..')) return specId;
  return `${slugify(specId).slice(0, 60)}-${sha256(specId).slice(0, 12)}`;
}
