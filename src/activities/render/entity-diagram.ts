import type { Database } from '../phases/database/schema';

/** The tables as a Mermaid erDiagram. */
export function renderEntityDiagram(database: Database): string {
  const lines = ['erDiagram'];
  for (const table of database.tables) {
    lines.push(`  ${table.name} {`);
    for (const column of table.columns)
      lines.push(
        `    ${column.type.replace(/[^A-Za-z0-9_]/g, '_')} ${column.name}${column.name === 'id' ? ' PK' : ''}`,
      );
    lines.push('  }');
  }
  for (const table of database.tables) {
    for (const reference of table.references) {
      if (database.tables.some((other) => other.name === reference.table)) {
        lines.push(`  ${reference.table} ||--o{ ${table.name} : "${reference.column}"`);
      }
    }
  }
  return lines.join('\n');
}
