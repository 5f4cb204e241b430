/** Drops components nothing refers to, so every document is lint-clean whatever the API phase chose. */
export function pruneUnusedComponents(document: Record<string, unknown>): Record<string, unknown> {
  const components = document.components as Record<string, Record<string, unknown>>;
  for (let changed = true; changed;) {
    changed = false;
    const text = JSON.stringify(document);
    for (const [section, entries] of Object.entries(components)) {
      if (section === 'securitySchemes') continue;
      for (const name of Object.keys(entries)) {
        if (!text.includes(`"#/components/${section}/${name}"`)) {
          delete entries[name];
          changed = true;
        }
      }
    }
  }
  return document;
}
