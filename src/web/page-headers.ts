import type { Response } from 'express';

/**
 * The review pages' Content-Security-Policy. Scripts come only from this origin: no inline
 * script, no eval, no inline event handlers. Styles allow 'unsafe-inline' because Mermaid draws
 * its diagrams in the browser as SVG carrying a <style> element and style attributes; page markup
 * from Markdown never keeps a style attribute (DOMPurify removes it), so this only serves Mermaid.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "script-src-attr 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/** Headers for every HTML page: the CSP above, and no caching (a page shows a run's live state). */
export function setPageHeaders(response: Response): void {
  response.setHeader('Content-Security-Policy', PAGE_CSP);
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Referrer-Policy', 'same-origin');
}
