import { capitalise } from '../../../shared/text';
import type { DatabaseEngine } from '../../context/database-engines';
import { readStackProfile, type StackProfile } from '../../context/stack-profile';
import { answerNote, answerProfile, type AnswerProfile } from '../../llm/offline/answer-profile';
import { extractFeatureTerms } from '../../llm/offline/feature-terms';
import { reviewerNotes } from '../../llm/offline/reviewer-notes';
import type { PhaseContext } from '../phase-definition';
import type { Database } from './schema';

/** The record table and its audit/outbox table, named from the request, on the team's engine. */
export function offlineDatabase(context: PhaseContext): Database {
  const terms = extractFeatureTerms(context.feature, context.description);
  const { database } = readStackProfile(context.project?.text);
  const { retention } = answerProfile(context);
  const requirementIds = context.earlier.requirements?.functional.map((requirement) => requirement.id) ?? [];
  const eventsTable = `${terms.table.replace(/s$/, '')}_events`;
  const types = database.types;
  const indexes = database.indexes(terms.table, eventsTable);
  return {
    engine: database.label,
    tables: [
      {
        name: terms.table,
        purpose: `One row per ${terms.entityWords}`,
        columns: [
          { name: 'id', type: types.id, nullable: false, description: 'Primary key (UUIDv7, time-ordered)' },
          { name: 'owner_id', type: types.id, nullable: false, description: 'The user who owns the record' },
          {
            name: 'status',
            type: types.shortText,
            nullable: false,
            description: 'Lifecycle state, checked against an allowed list',
          },
          {
            name: 'data',
            type: types.document,
            nullable: false,
            description: `Attributes of the ${terms.entityWords}`,
          },
          { name: 'version', type: types.integer, nullable: false, description: 'Optimistic-locking counter' },
          { name: 'created_at', type: types.timestamp, nullable: false, description: 'Creation time' },
          { name: 'updated_at', type: types.timestamp, nullable: false, description: 'Last change' },
          { name: 'deleted_at', type: types.timestamp, nullable: true, description: 'Soft delete marker' },
          ...expiryColumns(database, retention),
        ],
        indexes: indexes.records,
        references: [],
        requirements: requirementIds.slice(0, 2),
      },
      {
        name: eventsTable,
        purpose: 'Append-only audit trail and transactional outbox',
        columns: [
          { name: 'id', type: types.sequence, nullable: false, description: 'Primary key' },
          { name: 'record_id', type: types.id, nullable: false, description: `The ${terms.entityWords} changed` },
          { name: 'actor_id', type: types.id, nullable: false, description: 'Who made the change' },
          { name: 'kind', type: types.shortText, nullable: false, description: 'created, updated, deleted, ...' },
          { name: 'payload', type: types.document, nullable: false, description: 'The change' },
          {
            name: 'published_at',
            type: types.timestamp,
            nullable: true,
            description: 'Set when the outbox relay has published it',
          },
          { name: 'created_at', type: types.timestamp, nullable: false, description: 'When it happened' },
        ],
        indexes: indexes.events,
        references: [{ column: 'record_id', table: terms.table }],
        requirements: requirementIds.slice(2, 4),
      },
    ],
    migrations: [
      `001_create_${terms.table}: create ${database.model === 'document' ? 'the collection' : 'table'} and indexes (${database.onlineIndex})`,
      `002_create_${eventsTable}: create the audit/outbox ${database.model === 'document' ? 'collection' : 'table'}`,
      `${database.migrationTool ? `Applied by ${database.migrationTool} before each deploy. ` : ''}Backfill none: the feature starts empty; every migration is forward-only and reversible by a follow-up`,
    ],
    retention: retentionPolicy(capitalise(terms.resourceWords), database, retention),
    reviewerNotes: reviewerNotes(context.feedback),
  };
}

/** Retention from the answer (or its default), then backup and recovery and read/write splitting, as the prompt asks. */
function retentionPolicy(
  records: string,
  database: StackProfile['database'],
  retention: AnswerProfile['retention'],
): string {
  const kept =
    retention.days === undefined
      ? `${records} are kept ${retention.period}${answerNote(retention)}; deleted records are purged 30 days after deletion`
      : `${records} are kept ${retention.period}${answerNote(retention)} after deletion, then ${database.purge}`;
  return `${kept}. Backup and recovery: ${database.backup}. Read/write splitting: ${database.readSplitting}.`;
}

/** Engines that expire rows themselves need the expiry time on the row. */
function expiryColumns(
  database: DatabaseEngine,
  retention: AnswerProfile['retention'],
): Database['tables'][number]['columns'] {
  if (database.id !== 'dynamodb' || retention.days === undefined) return [];
  return [
    {
      name: 'expires_at',
      type: database.types.integer,
      nullable: true,
      description: `TTL attribute: epoch seconds, ${retention.period} after deleted_at`,
    },
  ];
}
