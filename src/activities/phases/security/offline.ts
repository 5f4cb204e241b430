import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import { securityChoices } from '../../llm/offline/security-choices';
import { nonFunctionalIds } from '../../quality/nonfunctional-kind';
import type { PhaseContext } from '../phase-definition';
import type { Security } from './schema';

/** OAuth 2.0, role-based authorization and a STRIDE threat list for the request's records. */
export function offlineSecurity(context: PhaseContext): Security {
  const terms = extractFeatureTerms(context.feature, context.description);
  const chosen = securityChoices(context, terms.resourceWords);
  // Every control serves the security requirement (the main FR when there is none); request floods also threaten performance and availability.
  const securityIds = nonFunctionalIds(context.earlier.requirements, 'security');
  const guarded = securityIds.length
    ? securityIds
    : (context.earlier.requirements?.functional ?? []).slice(0, 1).map((requirement) => requirement.id);
  const loadIds = nonFunctionalIds(context.earlier.requirements, 'performance', 'availability');
  return {
    // The team's identity provider, who may use the feature (an answer) and where keys live (their cloud).
    authentication: { scheme: 'oauth2', description: chosen.authentication },
    authorization: chosen.authorization,
    encryptionAtRest: chosen.encryptionAtRest,
    encryptionInTransit: 'TLS 1.2+ on every hop, HSTS on public endpoints, mutual TLS between gateway and services.',
    inputValidation: [
      'Every request body is validated against the OpenAPI schema; unknown fields are refused',
      'Strings are length-limited (titles 200 characters, bodies 64 KiB) and normalised to NFC',
      'Identifiers must be UUIDs; pagination limit 1..100',
    ],
    cors: 'Allow only the product\u2019s own origins; credentials allowed; preflight cached 10 minutes.',
    csp: "default-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'",
    threats: [
      {
        id: 'TH-1',
        category: 'Spoofing',
        threat: 'Stolen or replayed access tokens',
        control: 'Short-lived tokens, audience and issuer checks, refresh-token rotation',
        requirements: guarded,
      },
      {
        id: 'TH-2',
        category: 'Tampering',
        threat: `Changing another user's ${terms.entityWords}`,
        control: 'Ownership check on every write; optimistic locking via version',
        requirements: guarded,
      },
      {
        id: 'TH-3',
        category: 'Repudiation',
        threat: 'A user denies a change',
        control: 'Append-only audit events with actor and time',
        requirements: guarded,
      },
      {
        id: 'TH-4',
        category: 'Information disclosure',
        threat: 'Enumerating records by id',
        control: 'Random UUIDs, 404 for records the caller may not see',
        requirements: guarded,
      },
      {
        id: 'TH-5',
        category: 'Denial of service',
        threat: 'Request floods',
        control: 'Per-user and per-IP rate limits at the gateway (429 with Retry-After)',
        requirements: [...guarded, ...loadIds],
      },
      {
        id: 'TH-6',
        category: 'Elevation of privilege',
        threat: 'Mass assignment of status or owner',
        control: 'Server-set fields are read-only in the API schema',
        requirements: guarded,
      },
    ],
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
