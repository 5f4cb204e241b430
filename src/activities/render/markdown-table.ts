/** A Markdown table whose cells cannot break the table, whatever text they hold. */
export function markdownTable(headers: string[], rows: (string | number)[][]): string {
  const cell = (value: string | number) => String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  return [
    `| ${headers.map(cell).join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ].join('\n');
}

export function bulletList(items: string[]): string {
  return items.map((item) => `- ${item.replace(/\r?\n/g, ' ')}`).join('\n');
}
