import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import type { Database } from './schema';

/** The record table and its audit/outbox table, named from the request. */
export function offlineDatabase(context: PhaseContext): Database {
  const terms = extractFeatureTerms(context.feature, context.description);
  const requirementIds = context.earlier.requirements?.functional.map((requirement) => requirement.id) ?? [];
  const retention = context.earlier.requirements?.nonFunctional.find((requirement) => requirement.category === 'retention')?.text;
  const eventsTable = `${terms.table.replace(/s$/, '')}_events`;
  return {
    engine: 'PostgreSQL 16',
    tables: [
      {
        name: terms.table,
        purpose: `One row per ${terms.entityWords}`,
        columns: [
          { name: 'id', type: 'uuid', nullable: false, description: 'Primary key (UUIDv7, time-ordered)' },
          { name: 'owner_id', type: 'uuid', nullable: false, description: 'The user who owns the record' },
          { name: 'status', type: 'text', nullable: false, description: 'Lifecycle state, checked against an allowed list' },
          { name: 'data', type: 'jsonb', nullable: false, description: `Attributes of the ${terms.entityWords}` },
          { name: 'version', type: 'integer', nullable: false, description: 'Optimistic-locking counter' },
          { name: 'created_at', type: 'timestamptz', nullable: false, description: 'Creation time' },
          { name: 'updated_at', type: 'timestamptz', nullable: false, description: 'Last change' },
          { name: 'deleted_at', type: 'timestamptz', nullable: true, description: 'Soft delete marker' },
        ],
        indexes: [`${terms.table}_owner_created_idx (owner_id, created_at DESC)`, `${terms.table}_status_idx (status) WHERE deleted_at IS NULL`],
        references: [],
        requirements: requirementIds.slice(0, 2),
      },
      {
        name: eventsTable,
        purpose: 'Append-only audit trail and transactional outbox',
        columns: [
          { name: 'id', type: 'bigserial', nullable: false, description: 'Primary key' },
          { name: 'record_id', type: 'uuid', nullable: false, description: `The ${terms.entityWords} changed` },
          { name: 'actor_id', type: 'uuid', nullable: false, description: 'Who made the change' },
          { name: 'kind', type: 'text', nullable: false, description: 'created, updated, deleted, ...' },
          { name: 'payload', type: 'jsonb', nullable: false, description: 'The change' },
          { name: 'published_at', type: 'timestamptz', nullable: true, description: 'Set when the outbox relay has published it' },
          { name: 'created_at', type: 'timestamptz', nullable: false, description: 'When it happened' },
        ],
        indexes: [`${eventsTable}_record_idx (record_id, created_at)`, `${eventsTable}_unpublished_idx (id) WHERE published_at IS NULL`],
        references: [{ column: 'record_id', table: terms.table }],
        requirements: requirementIds.slice(2, 4),
      },
    ],
    migrations: [
      `001_create_${terms.table}: create table and indexes (CREATE INDEX CONCURRENTLY)`,
      `002_create_${eventsTable}: create the audit/outbox table`,
      'Backfill none: the feature starts empty; every migration is forward-only and reversible by a follow-up',
    ],
    retention: retention ?? 'Records kept 365 days after deletion, then purged by a nightly job',
    reviewerNotes: reviewerNotes(context.feedback),
  };
}
