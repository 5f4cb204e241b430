import { capitalise } from '../../../shared/text';
import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import type { Architecture } from './schema';

/** The usual web stack for the request: client, gateway, service, worker, PostgreSQL, Redis, a queue and email. */
export function offlineArchitecture(context: PhaseContext): Architecture {
  const terms = extractFeatureTerms(context.feature, context.description);
  const requirementIds = context.earlier.requirements?.functional.map((requirement) => requirement.id) ?? [];
  const serviceId = `${terms.resource}-service`.slice(0, 40);
  const notes = reviewerNotes(context.feedback);
  return {
    overview: `${terms.subject} is served by a dedicated ${terms.resourceWords} service behind the API gateway, with PostgreSQL as the system of record, Redis for hot reads and a queue for notifications and audit events.${notes.length ? ` ${notes.join(' ')}` : ''}`,
    components: [
      { id: 'web-client', name: 'Web client', kind: 'client', technology: 'Browser SPA', responsibility: `UI for ${terms.subject}`, requirements: requirementIds.slice(0, 1) },
      { id: 'api-gateway', name: 'API gateway', kind: 'service', technology: 'Reverse proxy with JWT validation and rate limiting', responsibility: 'Authentication, rate limiting, routing', requirements: [] },
      { id: serviceId, name: `${capitalise(terms.resourceWords)} service`, kind: 'service', technology: 'Node.js, stateless, containerised', responsibility: `Business rules for ${terms.resourceWords}`, requirements: requirementIds },
      { id: 'notification-worker', name: 'Notification worker', kind: 'service', technology: 'Queue consumer', responsibility: 'Sends notifications and writes audit events', requirements: requirementIds.slice(2, 4) },
      { id: 'primary-db', name: 'PostgreSQL', kind: 'store', technology: 'PostgreSQL 16, primary + replica', responsibility: `System of record for ${terms.resourceWords}`, requirements: requirementIds.slice(1, 3) },
      { id: 'cache', name: 'Redis cache', kind: 'cache', technology: 'Redis 7', responsibility: 'Read-through cache of hot records, rate-limit counters', requirements: [] },
      { id: 'event-queue', name: 'Event queue', kind: 'queue', technology: 'Managed message queue', responsibility: 'Domain events for notifications and audit', requirements: requirementIds.slice(2, 4) },
      { id: 'email-provider', name: 'Email provider', kind: 'external', technology: 'Transactional email API', responsibility: 'Delivers notifications', requirements: requirementIds.slice(3, 4) },
    ],
    edges: [
      { from: 'web-client', to: 'api-gateway', protocol: 'HTTPS', description: 'REST calls with bearer token' },
      { from: 'api-gateway', to: serviceId, protocol: 'HTTP', description: 'Routed, authenticated requests' },
      { from: serviceId, to: 'primary-db', protocol: 'SQL/TLS', description: 'Reads and transactional writes' },
      { from: serviceId, to: 'cache', protocol: 'RESP', description: 'Read-through cache, 60 s TTL' },
      { from: serviceId, to: 'event-queue', protocol: 'AMQP', description: 'Publishes domain events (outbox)' },
      { from: 'event-queue', to: 'notification-worker', protocol: 'AMQP', description: 'Consumes events at least once' },
      { from: 'notification-worker', to: 'email-provider', protocol: 'HTTPS', description: 'Sends notifications' },
    ],
    boundaries: `The ${terms.resourceWords} service owns its tables; no other service reads them directly. Notifications are a separate deployable so delivery problems never slow the request path.`,
    communication: 'Synchronous REST from clients to the gateway and service; asynchronous events through the queue for notifications and audit, written with a transactional outbox so no event is lost.',
    dataFlow: `A request is authenticated at the gateway, validated by the service, written to PostgreSQL in one transaction together with its outbox event, and the cache entry is invalidated. State lives only in PostgreSQL; services are stateless.`,
    scaling: 'The service and worker scale horizontally behind the gateway on CPU (target 60%) and queue depth; PostgreSQL scales reads with a replica; connection pooling caps database connections.',
    caching: 'Read-through Redis cache for single-record reads with a 60 s TTL and explicit invalidation on write; list responses are not cached; cache failure falls back to the database.',
    observability: 'Structured JSON logs with request ids, RED metrics (rate, errors, duration) per endpoint, traces across gateway, service, queue and worker (OpenTelemetry), dashboards and SLO burn-rate alerts.',
    reviewerNotes: notes,
  };
}
