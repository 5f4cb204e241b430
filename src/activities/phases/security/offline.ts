import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import type { Security } from './schema';

/** OAuth 2.0, role-based authorization and a STRIDE threat list for the request's records. */
export function offlineSecurity(context: PhaseContext): Security {
  const terms = extractFeatureTerms(context.feature, context.description);
  return {
    authentication: { scheme: 'oauth2', description: 'OAuth 2.0 authorization-code flow with PKCE for the web client; the gateway validates the JWT access token (RS256, 15-minute lifetime) on every call.' },
    authorization: `Role-based: owners read and change their own ${terms.resourceWords}; administrators read all and change status; every check happens in the service, not only in the UI.`,
    encryptionAtRest: 'AES-256 disk encryption for PostgreSQL, Redis snapshots and backups; keys in the cloud KMS, rotated yearly.',
    encryptionInTransit: 'TLS 1.2+ on every hop, HSTS on public endpoints, mutual TLS between gateway and services.',
    inputValidation: [
      'Every request body is validated against the OpenAPI schema; unknown fields are refused',
      'Strings are length-limited (titles 200 characters, bodies 64 KiB) and normalised to NFC',
      'Identifiers must be UUIDs; pagination limit 1..100',
    ],
    cors: 'Allow only the product\u2019s own origins; credentials allowed; preflight cached 10 minutes.',
    csp: "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
    threats: [
      { id: 'TH-1', category: 'Spoofing', threat: 'Stolen or replayed access tokens', control: 'Short-lived tokens, audience and issuer checks, refresh-token rotation' },
      { id: 'TH-2', category: 'Tampering', threat: `Changing another user's ${terms.entityWords}`, control: 'Ownership check on every write; optimistic locking via version' },
      { id: 'TH-3', category: 'Repudiation', threat: 'A user denies a change', control: 'Append-only audit events with actor and time' },
      { id: 'TH-4', category: 'Information disclosure', threat: 'Enumerating records by id', control: 'Random UUIDs, 404 for records the caller may not see' },
      { id: 'TH-5', category: 'Denial of service', threat: 'Request floods', control: 'Per-user and per-IP rate limits at the gateway (429 with Retry-After)' },
      { id: 'TH-6', category: 'Elevation of privilege', threat: 'Mass assignment of status or owner', control: 'Server-set fields are read-only in the API schema' },
    ],
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
