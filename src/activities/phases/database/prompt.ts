/**
 * What the model is asked for in the database phase, beyond the schema: every sub-item the design
 * lists. The schema has no fields of their own for backup and recovery or read/write splitting, so
 * the prompt says where they go.
 */
export const databasePrompt = [
  'Design the tables with columns, types, nullability, foreign keys and the FR ids each table serves;',
  "give the normalization analysis in each table's purpose (the normal form it meets, and why any data is denormalized);",
  "the index plan as each table's indexes, with the query each one serves;",
  'the migration strategy as forward-only, zero-downtime migrations in order (backfills included);',
  'and in retention: the retention policy, backup and recovery (backup frequency, point-in-time recovery, RPO and RTO) and read/write splitting (which reads go to replicas, and the lag they accept).',
].join(' ');
