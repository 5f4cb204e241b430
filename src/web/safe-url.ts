/**
 * A link target a page may use: http(s) or relative, never `javascript:`, `data:` or another
 * scheme. Control characters and whitespace are removed first, as browsers do before reading
 * the scheme. Returns undefined for anything else.
 */
export function safeUrl(candidate: string): string | undefined {
  const url = candidate.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (url === '') return undefined;
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  if (scheme) return ['http', 'https'].includes(scheme[1]!.toLowerCase()) ? candidate.trim() : undefined;
  // `//host` is protocol-relative: an absolute link in disguise, allowed only as http(s) above.
  if (url.startsWith('//') || url.startsWith('\\')) return undefined;
  return candidate.trim();
}

/** True for a link that stays on this site (no scheme, no host). */
export function isRelativeUrl(url: string): boolean {
  return !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url) && !url.startsWith('//');
}
