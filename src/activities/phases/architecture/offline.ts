import { capitalise } from '../../../shared/text';
import { readStackProfile } from '../../context/stack-profile';
import { answerNote, answerProfile } from '../../llm/offline/answer-profile';
import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import { nonFunctionalIds } from '../../quality/nonfunctional-kind';
import { PRICE_TABLE } from '../cost/price-table';
import type { PhaseContext } from '../phase-definition';
import type { Architecture } from './schema';

/**
 * A web stack for the request: client, gateway, service, worker, database, cache, broker and
 * email, built from what the team's context names (today's defaults where it names nothing).
 */
export function offlineArchitecture(context: PhaseContext): Architecture {
  const terms = extractFeatureTerms(context.feature, context.description);
  const { database, cache, broker, runtime, identity, cloud, platform } = readStackProfile(context.project?.text);
  const load = answerProfile(context).load;
  const requirementIds = context.earlier.requirements?.functional.map((requirement) => requirement.id) ?? [];
  // Every component serves a requirement: the gateway and cache serve the security and performance NFRs; the feature's main FR when there are none.
  const cite = (ids: string[]) => (ids.length ? ids : requirementIds.slice(0, 1));
  const nonFunctional = (...kinds: Parameters<typeof nonFunctionalIds>[1][]) =>
    nonFunctionalIds(context.earlier.requirements, ...kinds);
  const serviceId = `${terms.resource}-service`.slice(0, 40);
  const notes = reviewerNotes(context.feedback);
  const databaseName = database.stated ? database.label : database.name;
  const runsOn = platform ? platform.deployment : 'containerised';
  const instances = Math.max(2, Math.ceil(load.peakRequestsPerSecond / PRICE_TABLE.requestsPerInstance));
  return {
    overview: [
      `A dedicated ${terms.resourceWords} service${runtime.stated ? ` written in ${runtime.label}` : ''} handles ${terms.subject} behind the API gateway, with ${databaseName} as the system of record, ${cache.name} for hot reads and ${broker.stated ? broker.technology : 'a queue'} for notifications and audit events.`,
      ...(cloud || platform
        ? [
            `Everything runs ${[platform && platform.deployment, cloud && `on ${cloud.name}`].filter(Boolean).join(' ')}.`,
          ]
        : []),
      ...notes,
    ].join(' '),
    components: [
      {
        id: 'web-client',
        name: 'Web client',
        kind: 'client',
        technology: 'Browser SPA',
        responsibility: `UI for ${terms.subject}`,
        requirements: requirementIds.slice(0, 1),
      },
      {
        id: 'api-gateway',
        name: 'API gateway',
        kind: 'service',
        technology: gatewayTechnology(identity?.provider),
        responsibility: 'Authentication, rate limiting, routing',
        requirements: cite(nonFunctional('security', 'performance')),
      },
      {
        id: serviceId,
        name: `${capitalise(terms.resourceWords)} service`,
        kind: 'service',
        technology: `${runtime.label}, stateless, ${runsOn}`.slice(0, 120),
        responsibility: `Business rules for ${terms.resourceWords}`,
        requirements: requirementIds,
      },
      {
        id: 'notification-worker',
        name: 'Notification worker',
        kind: 'service',
        technology: runtime.stated || broker.stated ? `${runtime.label}, ${broker.consumer}` : 'Queue consumer',
        responsibility: 'Sends notifications and writes audit events',
        requirements: cite(requirementIds.slice(2, 4)),
      },
      {
        id: 'primary-db',
        name: database.name,
        kind: 'store',
        technology: `${database.label}, ${database.topology}`.slice(0, 120),
        responsibility: `System of record for ${terms.resourceWords}`,
        requirements: cite([...requirementIds.slice(1, 3), ...nonFunctional('retention')]),
      },
      {
        id: 'cache',
        name: `${cache.name} cache`,
        kind: 'cache',
        technology: cache.label,
        responsibility: `Read-through cache of hot records${cache.alsoHolds === 'rate-limit counters' ? ', rate-limit counters' : ''}`,
        requirements: cite(nonFunctional('performance')),
      },
      {
        id: 'event-queue',
        name: broker.name,
        kind: 'queue',
        technology: broker.technology,
        responsibility: 'Domain events for notifications and audit',
        requirements: cite(requirementIds.slice(2, 4)),
      },
      {
        id: 'email-provider',
        name: 'Email provider',
        kind: 'external',
        technology: 'Transactional email API',
        responsibility: 'Delivers notifications',
        requirements: cite(requirementIds.slice(3, 4)),
      },
    ],
    edges: [
      { from: 'web-client', to: 'api-gateway', protocol: 'HTTPS', description: 'REST calls with bearer token' },
      { from: 'api-gateway', to: serviceId, protocol: 'HTTP', description: 'Routed, authenticated requests' },
      { from: serviceId, to: 'primary-db', protocol: database.protocol, description: 'Reads and transactional writes' },
      { from: serviceId, to: 'cache', protocol: cache.protocol, description: 'Read-through cache, 60 s TTL' },
      {
        from: serviceId,
        to: 'event-queue',
        protocol: broker.protocol,
        description: 'Publishes domain events (outbox)',
      },
      {
        from: 'event-queue',
        to: 'notification-worker',
        protocol: broker.protocol,
        description: `Consumes events at least once${broker.stated ? ` (${broker.consumer})` : ''}`,
      },
      { from: 'notification-worker', to: 'email-provider', protocol: 'HTTPS', description: 'Sends notifications' },
    ],
    boundaries: `The ${terms.resourceWords} service owns its ${database.model === 'document' ? 'collections' : 'tables'}; no other service reads them directly. Notifications are a separate deployable so delivery problems never slow the request path.`,
    communication: `Synchronous REST from clients to the gateway and service; asynchronous events through ${broker.stated ? broker.technology : 'the queue'} for notifications and audit, written with a transactional outbox so no event is lost.`,
    dataFlow: `A request is authenticated at the gateway, validated by the service, written to ${database.name} ${database.atomicWrite} together with its outbox event, and the cache entry is invalidated. State lives only in ${database.name}; services are stateless.`,
    scaling: `The service and worker scale horizontally behind the gateway on CPU (target 60%) and ${broker.stated ? broker.lagSignal : 'queue depth'}${platform ? `, ${platform.deployment}` : ''}; ${load.peakRequestsPerSecond} requests/s at peak${answerNote(load)} needs ${instances} service instances of about ${PRICE_TABLE.requestsPerInstance} requests/s each. ${scalingOfDatabase(database)}`,
    caching: `Read-through ${cache.name} cache for single-record reads with a 60 s TTL and explicit invalidation on write; list responses are not cached; cache failure falls back to the database.`,
    observability: `Structured JSON logs with request ids, RED metrics (rate, errors, duration) per endpoint, traces across gateway, service, ${broker.stated ? broker.name : 'queue'} and worker (OpenTelemetry), dashboards${cloud ? ` in ${cloud.monitoring}` : ''} and SLO burn-rate alerts.`,
    reviewerNotes: notes,
  };
}

function gatewayTechnology(provider: string | undefined): string {
  return provider
    ? `Reverse proxy validating ${provider}-issued JWTs, with rate limiting`
    : 'Reverse proxy with JWT validation and rate limiting';
}

function scalingOfDatabase(database: ReturnType<typeof readStackProfile>['database']): string {
  switch (database.model) {
    case 'relational':
      return database.id === 'sqlite'
        ? 'SQLite has one writer: writes go through one service instance, reads scale on the replicated file.'
        : `${database.name} scales reads with a replica; connection pooling caps database connections.`;
    case 'document':
      return `${database.name} scales reads with secondaries and writes by sharding on owner_id when one replica set is not enough.`;
    case 'key-value':
      return `${database.name} scales on demand; the partition key (owner_id) spreads the load.`;
    case 'wide-column':
      return `${database.name} scales by adding nodes; the partition key (owner_id) spreads the load.`;
  }
}
