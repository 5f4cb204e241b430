import { describe, expect, it } from 'vitest';
import { readStackProfile } from '../../src/activities/context/stack-profile';

describe("reading a team's stack from its context document", () => {
  it.each([
    ['Orders live in PostgreSQL 15.', 'PostgreSQL 15'],
    ['We are on Aurora MySQL 8 with read replicas.', 'MySQL 8'],
    ['MariaDB 10.11 behind MaxScale', 'MariaDB 10.11'],
    ['Azure SQL Database for everything transactional', 'SQL Server'],
    ['Our system of record is SQL Server 2019.', 'SQL Server 2019'],
    ['Oracle 19c, managed by the DBA team', 'Oracle Database 19c'],
    ['MongoDB 7 on Atlas', 'MongoDB 7'],
    ['Single-table design on DynamoDB', 'Amazon DynamoDB'],
    ['Apache Cassandra 4.1 for time series', 'Apache Cassandra 4.1'],
    ['ScyllaDB cluster', 'ScyllaDB'],
    ['Each tenant gets an SQLite file (Litestream for backups)', 'SQLite'],
  ])('finds the database engine in "%s"', (text, label) => {
    const { database } = readStackProfile(text);
    expect(database.stated).toBe(true);
    expect(database.label).toBe(label);
  });

  it.each([
    ['Redis 7.2 for sessions', 'Redis 7.2'],
    ['Valkey 8 (we left Redis over the licence)', 'Valkey 8'],
    ['Memcached in front of the database', 'Memcached'],
    ['Hazelcast as the distributed cache', 'Hazelcast'],
  ])('finds the cache in "%s"', (text, label) => {
    expect(readStackProfile(text).cache).toMatchObject({ stated: true, label });
  });

  it.each([
    ['Events go through Kafka', 'Apache Kafka', 'Kafka protocol/TLS'],
    ['Confluent Cloud topics', 'Apache Kafka', 'Kafka protocol/TLS'],
    ['Amazon MSK', 'Amazon MSK (Apache Kafka)', 'Kafka protocol/TLS'],
    ['Redpanda for streaming', 'Redpanda (Kafka API)', 'Kafka protocol/TLS'],
    ['RabbitMQ with quorum queues', 'RabbitMQ (quorum queues)', 'AMQP 0-9-1/TLS'],
    ['any AMQP broker', 'RabbitMQ (quorum queues)', 'AMQP 0-9-1/TLS'],
    ['ActiveMQ Artemis', 'ActiveMQ Artemis', 'AMQP 1.0/TLS'],
    ['background jobs on SQS', 'Amazon SQS', 'HTTPS (SQS API)'],
    ['SNS fan-out to SQS queues', 'Amazon SNS topic fanned out to an SQS queue', 'HTTPS (SNS and SQS APIs)'],
    ['Kinesis streams', 'Amazon Kinesis Data Streams', 'HTTPS (Kinesis API)'],
    ['Pub/Sub between services', 'Google Cloud Pub/Sub', 'gRPC (Pub/Sub API)'],
    ['NATS JetStream', 'NATS JetStream', 'NATS/TLS'],
    ['Azure Service Bus topics', 'Azure Service Bus', 'AMQP 1.0/TLS'],
    ['Event Hubs for telemetry', 'Azure Event Hubs', 'AMQP 1.0/TLS'],
    ['Apache Pulsar', 'Apache Pulsar', 'Pulsar binary protocol/TLS'],
  ])('finds the broker in "%s"', (text, technology, protocol) => {
    expect(readStackProfile(text).broker).toMatchObject({ stated: true, technology, protocol });
  });

  it.each([
    ['Services are Node.js 20 with NestJS', 'Node.js 20 (NestJS)'],
    ['Everything is TypeScript', 'Node.js (TypeScript)'],
    ['Go 1.22 services', 'Go 1.22'],
    ['Backend in golang', 'Go'],
    ['Java 21 and Spring Boot 3', 'Java 21 (Spring Boot)'],
    ['Kotlin microservices on Spring Boot', 'Kotlin (Spring Boot)'],
    ['Python 3.12 with FastAPI', 'Python 3.12 (FastAPI)'],
    ['A Django monolith', 'Python (Django)'],
    ['.NET 8 with C# and ASP.NET Core', '.NET 8 (C#, ASP.NET Core)'],
    ['Ruby on Rails 7', 'Ruby (Rails)'],
    ['Rust with axum', 'Rust (axum)'],
    ['PHP 8.3 and Laravel', 'PHP 8.3 (Laravel)'],
    ['Elixir and Phoenix', 'Elixir (Phoenix)'],
  ])('finds the language and runtime in "%s"', (text, label) => {
    expect(readStackProfile(text).runtime).toMatchObject({ stated: true, label });
  });

  it.each([
    ['SSO through Okta', 'Okta', 'OpenID Connect'],
    ['SAML through Okta', 'Okta', 'SAML 2.0'],
    ['Auth0 tenants per region', 'Auth0', 'OpenID Connect'],
    ['Keycloak realms, OIDC', 'Keycloak', 'OpenID Connect'],
    ['Staff sign in with Azure AD', 'Microsoft Entra ID', 'OpenID Connect'],
    ['Entra ID over SAML 2.0', 'Microsoft Entra ID', 'SAML 2.0'],
    ['Customers use Amazon Cognito', 'Amazon Cognito', 'OpenID Connect'],
    ['Google Workspace accounts', 'Google', 'OpenID Connect'],
    ['Firebase Authentication', 'Google Identity Platform', 'OpenID Connect'],
  ])('finds the identity provider in "%s"', (text, provider, protocol) => {
    expect(readStackProfile(text).identity).toEqual({ provider, protocol });
  });

  it.each([
    ['Hosted on AWS', 'AWS', undefined],
    ['We run everything on EKS', 'AWS', 'Kubernetes'],
    ['GKE clusters in Google Cloud', 'Google Cloud', 'Kubernetes'],
    ['Cloud Run services', 'Google Cloud', 'Cloud Run'],
    ['Azure, AKS', 'Azure', 'Kubernetes'],
    ['Fargate tasks', 'AWS', 'Amazon ECS'],
    ['Lambda functions', 'AWS', 'AWS Lambda'],
    ['Our own Kubernetes in the data centre', undefined, 'Kubernetes'],
  ])('finds the cloud and platform in "%s"', (text, cloud, platform) => {
    const profile = readStackProfile(text);
    expect(profile.cloud?.name).toBe(cloud);
    expect(profile.platform?.name).toBe(platform);
  });

  it("reads the issue's example whole and keeps today's defaults for what it does not say", () => {
    const profile = readStackProfile('MySQL 8, Kafka, Go on Kubernetes, SAML through Okta');
    expect(profile.database).toMatchObject({ stated: true, label: 'MySQL 8', migrationTool: 'golang-migrate' });
    expect(profile.broker).toMatchObject({ stated: true, technology: 'Apache Kafka' });
    expect(profile.runtime).toMatchObject({ stated: true, label: 'Go' });
    expect(profile.platform?.name).toBe('Kubernetes');
    expect(profile.identity).toEqual({ provider: 'Okta', protocol: 'SAML 2.0' });
    expect(profile.cache).toMatchObject({ stated: false, label: 'Redis 7' });
    expect(profile.cloud).toBeUndefined();
  });

  it('falls back to PostgreSQL 16, Redis 7, an AMQP queue and Node.js without a document', () => {
    const profile = readStackProfile(undefined);
    expect([profile.database.label, profile.cache.label, profile.broker.protocol, profile.runtime.label]).toEqual([
      'PostgreSQL 16',
      'Redis 7',
      'AMQP',
      'Node.js',
    ]);
    expect([profile.database.stated, profile.cache.stated, profile.broker.stated, profile.runtime.stated]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(profile.identity).toBeUndefined();
  });

  it('skips what the team says it does not run', () => {
    expect(readStackProfile('MySQL, not PostgreSQL').database.name).toBe('MySQL');
    expect(readStackProfile('We replaced RabbitMQ with Kafka last year').broker.technology).toBe('Apache Kafka');
    expect(readStackProfile('We no longer use Redis; Memcached only').cache.name).toBe('Memcached');
    expect(readStackProfile('We migrated from Oracle to PostgreSQL 16').database.label).toBe('PostgreSQL 16');
    expect(readStackProfile('PostgreSQL is not allowed here; use SQL Server').database.name).toBe('SQL Server');
  });

  it('prefers a labelled line to a passing mention', () => {
    const profile = readStackProfile(
      'Analytics still reads a Postgres replica.\n\n- **Database**: MySQL 8\n- Queue: SQS (we tried Kafka once)',
    );
    expect(profile.database.label).toBe('MySQL 8');
    expect(profile.broker.technology).toBe('Amazon SQS');
  });

  it('does not read the English verb "go" or a web client\'s TypeScript as the service runtime', () => {
    expect(readStackProfile('We go live in March and will go through a security review.').runtime.stated).toBe(false);
    expect(readStackProfile('The web client is TypeScript and React; services are written in Go.').runtime.label).toBe(
      'Go',
    );
  });

  it('names the migration tool the team uses, else the one its runtime uses with a relational engine', () => {
    expect(readStackProfile('Java, PostgreSQL, Liquibase').database.migrationTool).toBe('Liquibase');
    expect(readStackProfile('Django and PostgreSQL').database.migrationTool).toBe('Django migrations');
    expect(readStackProfile('.NET 8 on SQL Server').database.migrationTool).toBe('EF Core migrations');
    expect(readStackProfile('DynamoDB, declared in Terraform').database.migrationTool).toBe('Terraform');
    expect(readStackProfile('MySQL 8').database.migrationTool).toBeUndefined();
  });
});
