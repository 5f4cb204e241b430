const MAX_SLUG_LENGTH = 60;

/**
 * A folder name derived from free text. Only [a-z0-9-] survives, so no feature text can
 * name a parent folder, an absolute path or a hidden file.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '');
  return slug || 'feature';
}
