import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Decision } from '../shared/decision';

/**
 * The HMAC specforge's API puts on a decision it authenticated. Only holders of the key (the API
 * and the worker) can make one, so the worker can tell these from raw Temporal signals and updates.
 */
export function decisionProof(key: string, specId: string, decision: Decision): string {
  const { proof: _proof, ...signed } = decision;
  return createHmac('sha256', key)
    .update(canonicalJson([specId, signed]))
    .digest('base64url');
}

export function isDecisionProofValid(key: string | undefined, specId: string, decision: Decision): boolean {
  if (!key || typeof decision.proof !== 'string') return false;
  const expected = Buffer.from(decisionProof(key, specId, decision));
  const given = Buffer.from(decision.proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** JSON with sorted keys, so the proof survives any re-serialisation on the way through Temporal. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
