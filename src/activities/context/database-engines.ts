import type { Recognisable } from './find-mention';

/** How an engine spells the column types the offline tables use. */
export interface ColumnTypes {
  /** A random, time-ordered identifier (UUIDv7). */
  id: string;
  /** A short status word. */
  shortText: string;
  /** A document of feature-specific attributes. */
  document: string;
  integer: string;
  timestamp: string;
  /** An increasing key for append-only rows. */
  sequence: string;
}

export interface DatabaseEngine extends Recognisable {
  id: string;
  name: string;
  defaultVersion: string;
  model: 'relational' | 'document' | 'key-value' | 'wide-column';
  /** The wire protocol between a service and the engine, for the architecture's edges. */
  protocol: string;
  /** The deployment the architecture names ("primary + replica"). */
  topology: string;
  types: ColumnTypes;
  /** The index plan of the records table and its events table. */
  indexes(table: string, eventsTable: string): { records: string[]; events: string[] };
  /** How the first migration builds indexes without blocking writes. */
  onlineIndex: string;
  /** How a record and its event are written together, so no event is lost. */
  atomicWrite: string;
  backup: string;
  readSplitting: string;
  /** How rows past their retention go away. */
  purge: string;
  /** What integration tests run in its place when it exists only as a managed service. */
  emulator?: string;
}

const SQL_INDEXES = (partial: boolean) => (table: string, events: string) => ({
  records: [
    `${table}_owner_created_idx (owner_id, created_at DESC)`,
    partial ? `${table}_status_idx (status) WHERE deleted_at IS NULL` : `${table}_status_idx (status, deleted_at)`,
  ],
  events: [
    `${events}_record_idx (record_id, created_at)`,
    partial
      ? `${events}_unpublished_idx (id) WHERE published_at IS NULL`
      : `${events}_unpublished_idx (published_at, id)`,
  ],
});

const NIGHTLY_PURGE = 'a nightly job deletes them in batches of 1,000 rows';

/** The engines teams commonly run, each as the offline tables would be written for it. */
export const DATABASE_ENGINES: readonly DatabaseEngine[] = [
  {
    id: 'postgresql',
    pattern: /\bpostgres(?:ql)?\b|\bpsql\b/i,
    name: 'PostgreSQL',
    defaultVersion: '16',
    model: 'relational',
    protocol: 'SQL/TLS',
    topology: 'primary + replica',
    types: {
      id: 'uuid',
      shortText: 'text',
      document: 'jsonb',
      integer: 'integer',
      timestamp: 'timestamptz',
      sequence: 'bigserial',
    },
    indexes: SQL_INDEXES(true),
    onlineIndex: 'CREATE INDEX CONCURRENTLY',
    atomicWrite: 'in one transaction',
    backup:
      'continuous WAL archiving with daily base backups; point-in-time recovery for 7 days (RPO 5 minutes, RTO 1 hour)',
    readSplitting:
      'list and history reads go to the streaming replica (lag under 1 s accepted); writes and read-your-own-write reads go to the primary',
    purge: NIGHTLY_PURGE,
  },
  {
    id: 'mysql',
    pattern: /\bmysql\b|\bplanetscale\b/i,
    name: 'MySQL',
    defaultVersion: '8.0',
    model: 'relational',
    protocol: 'MySQL protocol/TLS',
    topology: 'primary + replica (InnoDB)',
    types: {
      id: 'binary(16)',
      shortText: 'varchar(32)',
      document: 'json',
      integer: 'int',
      timestamp: 'datetime(6)',
      sequence: 'bigint auto_increment',
    },
    indexes: SQL_INDEXES(false),
    onlineIndex: 'online DDL: ALGORITHM=INPLACE, LOCK=NONE',
    atomicWrite: 'in one InnoDB transaction',
    backup:
      'daily snapshots plus binary-log retention for point-in-time recovery over 7 days (RPO 5 minutes, RTO 1 hour)',
    readSplitting:
      'list and history reads go to the replica (replication lag under 1 s accepted); writes and read-your-own-write reads go to the primary',
    purge: NIGHTLY_PURGE,
  },
  {
    id: 'mariadb',
    pattern: /\bmariadb\b/i,
    name: 'MariaDB',
    defaultVersion: '11',
    model: 'relational',
    protocol: 'MySQL protocol/TLS',
    topology: 'primary + replica (InnoDB)',
    types: {
      id: 'uuid',
      shortText: 'varchar(32)',
      document: 'json',
      integer: 'int',
      timestamp: 'datetime(6)',
      sequence: 'bigint auto_increment',
    },
    indexes: SQL_INDEXES(false),
    onlineIndex: 'online DDL: ALGORITHM=INPLACE, LOCK=NONE',
    atomicWrite: 'in one InnoDB transaction',
    backup:
      'daily mariadb-backup snapshots plus binary logs for point-in-time recovery over 7 days (RPO 5 minutes, RTO 1 hour)',
    readSplitting:
      'list and history reads go to the replica through MaxScale (lag under 1 s accepted); writes go to the primary',
    purge: NIGHTLY_PURGE,
  },
  {
    id: 'sqlserver',
    pattern: /\bsql server\b|\bmssql\b|\bazure sql\b/i,
    name: 'SQL Server',
    defaultVersion: '2022',
    model: 'relational',
    protocol: 'TDS/TLS',
    topology: 'Always On availability group with a readable secondary',
    types: {
      id: 'uniqueidentifier',
      shortText: 'nvarchar(32)',
      document: 'nvarchar(max)',
      integer: 'int',
      timestamp: 'datetimeoffset',
      sequence: 'bigint identity',
    },
    indexes: SQL_INDEXES(true),
    onlineIndex: 'CREATE INDEX ... WITH (ONLINE = ON)',
    atomicWrite: 'in one transaction',
    backup:
      'weekly full, daily differential and 15-minute log backups; point-in-time restore over 7 days (RPO 15 minutes, RTO 1 hour)',
    readSplitting:
      'list and history reads use ApplicationIntent=ReadOnly on the readable secondary; writes go to the primary replica',
    purge: NIGHTLY_PURGE,
  },
  {
    id: 'oracle',
    pattern: /\boracle\b(?!\s+cloud)/i,
    name: 'Oracle Database',
    defaultVersion: '19c',
    model: 'relational',
    protocol: 'Oracle Net/TLS',
    topology: 'primary + Active Data Guard standby',
    types: {
      id: 'raw(16)',
      shortText: 'varchar2(32)',
      document: 'clob',
      integer: 'number(10)',
      timestamp: 'timestamp with time zone',
      sequence: 'number generated always as identity',
    },
    indexes: SQL_INDEXES(false),
    onlineIndex: 'CREATE INDEX ... ONLINE',
    atomicWrite: 'in one transaction',
    backup:
      'RMAN incremental backups nightly with archived redo logs; point-in-time recovery over 7 days (RPO 5 minutes, RTO 1 hour)',
    readSplitting:
      'list and history reads go to the Active Data Guard standby (apply lag under 1 s accepted); writes go to the primary',
    purge: NIGHTLY_PURGE,
  },
  {
    id: 'sqlite',
    pattern: /\bsqlite\d?\b|\blitefs\b|\blibsql\b/i,
    name: 'SQLite',
    defaultVersion: '3',
    model: 'relational',
    protocol: 'in-process (file)',
    topology: 'one database file in WAL mode, replicated by Litestream',
    types: {
      id: 'text',
      shortText: 'text',
      document: 'text',
      integer: 'integer',
      timestamp: 'text',
      sequence: 'integer primary key',
    },
    indexes: SQL_INDEXES(true),
    onlineIndex: "CREATE INDEX inside the migration's transaction",
    atomicWrite: 'in one transaction',
    backup:
      'Litestream streams the WAL to object storage every second; restore to any point in 7 days (RPO 1 s, RTO 15 minutes)',
    readSplitting: 'none: one writer process; readers share the file through WAL mode',
    purge: NIGHTLY_PURGE,
  },
  {
    id: 'mongodb',
    pattern: /\bmongo(?:db)?\b/i,
    name: 'MongoDB',
    defaultVersion: '7.0',
    model: 'document',
    protocol: 'MongoDB wire protocol/TLS',
    topology: 'replica set of 3',
    types: {
      id: 'uuid',
      shortText: 'string',
      document: 'object',
      integer: 'int',
      timestamp: 'date',
      sequence: 'objectId',
    },
    indexes: (table, events) => ({
      records: [
        `${table}_owner_created_idx { owner_id: 1, created_at: -1 }`,
        `${table}_status_idx { status: 1 } (partial: deleted_at absent)`,
      ],
      events: [
        `${events}_record_idx { record_id: 1, created_at: 1 }`,
        `${events}_unpublished_idx { _id: 1 } (partial: published_at absent)`,
      ],
    }),
    onlineIndex: 'createIndex, which builds without blocking writes',
    atomicWrite: 'in one multi-document transaction',
    backup:
      'continuous oplog backup with daily snapshots; point-in-time restore over 7 days (RPO 1 minute, RTO 1 hour)',
    readSplitting:
      'list and history reads use readPreference secondaryPreferred (lag under 1 s accepted); writes and read-your-own-write reads use the primary',
    purge: 'a TTL index on deleted_at removes them',
  },
  {
    id: 'dynamodb',
    pattern: /\bdynamo(?:db)?\b/i,
    name: 'Amazon DynamoDB',
    defaultVersion: '',
    model: 'key-value',
    protocol: 'HTTPS (DynamoDB API)',
    topology: 'on-demand capacity, point-in-time recovery on',
    types: {
      id: 'string',
      shortText: 'string',
      document: 'map',
      integer: 'number',
      timestamp: 'string',
      sequence: 'string',
    },
    indexes: (table, events) => ({
      records: [
        `${table} key: owner_id (partition), created_at#id (sort)`,
        `${table}_status_gsi: status (partition), created_at (sort), sparse: only items not deleted`,
      ],
      events: [
        `${events} key: record_id (partition), created_at#id (sort)`,
        `${events} stream: DynamoDB Streams, new images, feed the publisher`,
      ],
    }),
    onlineIndex: 'tables and GSIs declared in infrastructure code; a new GSI backfills online',
    atomicWrite: 'in one TransactWriteItems call',
    backup: 'point-in-time recovery for 35 days plus daily on-demand backups (RPO 5 minutes, RTO 1 hour)',
    readSplitting: 'list reads use eventually consistent reads; reads after a write use strongly consistent reads',
    purge: 'a TTL attribute (expires_at) removes them',
    emulator: 'DynamoDB Local',
  },
  {
    id: 'cassandra',
    pattern: /\bcassandra\b/i,
    name: 'Apache Cassandra',
    defaultVersion: '4.1',
    model: 'wide-column',
    protocol: 'CQL/TLS',
    topology: '3-node cluster, replication factor 3',
    types: {
      id: 'uuid',
      shortText: 'text',
      document: 'text',
      integer: 'int',
      timestamp: 'timestamp',
      sequence: 'timeuuid',
    },
    indexes: (table, events) => ({
      records: [
        `${table} primary key ((owner_id), created_at, id), clustering order created_at DESC`,
        `${table}_by_status: query table keyed ((status), created_at, id), written in the same batch`,
      ],
      events: [
        `${events} primary key ((record_id), created_at, id)`,
        `${events}_unpublished: query table keyed ((bucket), id), rows deleted once published`,
      ],
    }),
    onlineIndex: 'CQL schema changes, which apply online',
    atomicWrite: 'in one logged batch',
    backup:
      'nightly snapshots plus incremental backups per node; restore to a point in 7 days (RPO 1 hour, RTO 2 hours)',
    readSplitting: 'reads at LOCAL_ONE for lists and LOCAL_QUORUM after a write; writes at LOCAL_QUORUM',
    purge: 'a table TTL (default_time_to_live) removes them',
  },
];

/** Engines that speak Cassandra's protocol: the same tables, another name. */
const CASSANDRA = DATABASE_ENGINES.find((engine) => engine.id === 'cassandra')!;
export const CASSANDRA_COMPATIBLE: readonly DatabaseEngine[] = [
  { ...CASSANDRA, id: 'scylladb', pattern: /\bscylla(?:db)?\b/i, name: 'ScyllaDB', defaultVersion: '6' },
  {
    ...CASSANDRA,
    id: 'keyspaces',
    pattern: /\bkeyspaces\b/i,
    name: 'Amazon Keyspaces (for Apache Cassandra)',
    defaultVersion: '',
    topology: 'serverless, on-demand capacity',
  },
];

export const DEFAULT_DATABASE_ENGINE = DATABASE_ENGINES[0]!;
