import type { Recognisable } from './find-mention';

export interface MigrationTool extends Recognisable {
  name: string;
}

/** Schema migration tools a context may name outright. */
export const MIGRATION_TOOLS: readonly MigrationTool[] = [
  { pattern: /\bflyway\b/i, name: 'Flyway' },
  { pattern: /\bliquibase\b/i, name: 'Liquibase' },
  { pattern: /\balembic\b/i, name: 'Alembic' },
  { pattern: /\bgolang-migrate\b|\bmigrate\/migrate\b/i, name: 'golang-migrate' },
  { pattern: /\bgoose\b/i, name: 'goose' },
  { pattern: /\batlas\s+(?:migrate|schema)\b|\batlasgo\b/i, name: 'Atlas' },
  { pattern: /\bprisma\b/i, name: 'Prisma Migrate' },
  { pattern: /\bknex\b/i, name: 'Knex migrations' },
  { pattern: /\btypeorm\b/i, name: 'TypeORM migrations' },
  { pattern: /\bsequelize\b/i, name: 'Sequelize migrations' },
  { pattern: /\bdrizzle\b/i, name: 'Drizzle Kit' },
  { pattern: /\bnode-pg-migrate\b/i, name: 'node-pg-migrate' },
  { pattern: /\bentity framework\b|\bef core\b/i, name: 'EF Core migrations' },
  { pattern: /\bdiesel\b/i, name: 'Diesel migrations' },
  { pattern: /\brefinery\b/i, name: 'refinery' },
  { pattern: /\bsqlx\b/i, name: 'sqlx migrate' },
  { pattern: /\bdoctrine\b/i, name: 'Doctrine Migrations' },
  { pattern: /\bphinx\b/i, name: 'Phinx' },
  { pattern: /\bsqitch\b/i, name: 'Sqitch' },
  { pattern: /\bdbmate\b/i, name: 'dbmate' },
  { pattern: /\bmigrate-mongo\b/i, name: 'migrate-mongo' },
  { pattern: /\bmongock\b/i, name: 'Mongock' },
];

/** Infrastructure-as-code tools: what declares schemaless tables (DynamoDB) and their indexes. */
export const INFRASTRUCTURE_TOOLS: readonly MigrationTool[] = [
  { pattern: /\bterraform\b|\bopentofu\b/i, name: 'Terraform' },
  { pattern: /\bcdk\b/i, name: 'AWS CDK' },
  { pattern: /\bcloudformation\b/i, name: 'CloudFormation' },
  { pattern: /\bpulumi\b/i, name: 'Pulumi' },
  { pattern: /\bbicep\b/i, name: 'Bicep' },
];
