/** A Mermaid node id: letters, digits and underscores, never a keyword such as `end`. */
export function mermaidId(text: string): string {
  return `n_${text.replace(/[^A-Za-z0-9]+/g, '_')}`;
}

/** Text for a quoted Mermaid label: any input renders, nothing is read as syntax. */
export function mermaidLabel(text: string): string {
  return (
    text
      .replace(/#/g, '#35;')
      // `%%` starts a Mermaid comment (or a directive) wherever it stands, even inside quotes.
      .replace(/%/g, '#37;')
      .replace(/"/g, '#quot;')
      .replace(/</g, '#lt;')
      .replace(/>/g, '#gt;')
      .replace(/[\r\n]+/g, ' ')
      .replace(/[`|{}[\]]/g, ' ')
      .trim()
  );
}
