/** What the model is asked for in the architecture phase, beyond the schema: every sub-item the design lists. */
export const architecturePrompt = [
  'Design the components (clients, services, stores, caches, queues, external systems) with the FR and NFR ids each serves, and the edges between them with their protocols: code draws the Mermaid system diagram from them.',
  'Then explain, each in its own field:',
  'service boundaries (boundaries: what each service owns);',
  'communication patterns (communication: synchronous and asynchronous, and why);',
  'data flow and state (dataFlow: where state lives and how a request moves through it);',
  'horizontal scaling (scaling: what scales, on which signal);',
  "caching strategy (caching: Redis, Memcached or the team's own cache; what is cached, TTL and invalidation);",
  'observability (observability: logs, metrics and traces, dashboards and alerts).',
].join(' ');
