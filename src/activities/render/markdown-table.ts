import { markdownInline } from './markdown-text';

/** A Markdown table whose cells cannot break the table, whatever text they hold; the text is escaped here. */
export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => markdownInline(String(value)).replace(/\|/g, '\\|');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** A bulleted list, one item a line; the text is escaped here. */
export function bulletList(items: string[]): string {
  return items.map((item) => `- ${markdownInline(item)}`).join('\n');
}
