import type { Database } from '../../phases/database/schema';
import { renderEntityDiagram } from '../entity-diagram';
import { bulletList, markdownTable } from '../markdown-table';

export function databaseSection(database: Database): string {
  return [
    `Engine: ${database.engine}.`,
    '```mermaid\n' + renderEntityDiagram(database) + '\n```',
    ...database.tables.flatMap((table) => [
      `### Table \`${table.name}\``,
      `${table.purpose}. Serves ${table.requirements.join(', ') || 'no requirement directly'}.`,
      markdownTable(
        ['Column', 'Type', 'Nullable', 'Description'],
        table.columns.map((column) => [column.name, column.type, column.nullable ? 'yes' : 'no', column.description]),
      ),
      `Indexes: ${table.indexes.join('; ') || 'none'}.`,
    ]),
    '### Migrations',
    bulletList(database.migrations),
    '### Retention',
    database.retention,
  ].join('\n\n');
}
