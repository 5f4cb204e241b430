import type { Database } from '../../phases/database/schema';
import { renderEntityDiagram } from '../entity-diagram';
import { bulletList, markdownTable } from '../markdown-table';
import { markdownBlock, markdownInline } from '../markdown-text';

export function databaseSection(database: Database): string {
  return [
    `Engine: ${markdownInline(database.engine)}.`,
    '```mermaid\n' + renderEntityDiagram(database) + '\n```',
    ...database.tables.flatMap((table) => [
      `### Table \`${table.name}\``,
      `${markdownInline(table.purpose)}. Serves ${markdownInline(table.requirements.join(', ')) || 'no requirement directly'}.`,
      markdownTable(
        ['Column', 'Type', 'Nullable', 'Description'],
        table.columns.map((column) => [column.name, column.type, column.nullable ? 'yes' : 'no', column.description]),
      ),
      `Indexes: ${markdownInline(table.indexes.join('; ')) || 'none'}.`,
    ]),
    '### Migrations',
    bulletList(database.migrations),
    '### Retention',
    markdownBlock(database.retention),
  ].join('\n\n');
}
