import createDOMPurify, { type DOMPurify } from 'dompurify';
import { JSDOM } from 'jsdom';
import { Marked, type Tokens } from 'marked';
import { escapeHtml, trusted, type SafeHtml } from './html';
import { isRelativeUrl, safeUrl } from './safe-url';

/** Tags Markdown from a model has no business producing: forms, media, styles, embedded documents. */
const FORBIDDEN_TAGS = [
  'style',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'img',
  'picture',
  'source',
  'video',
  'audio',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'link',
  'meta',
  'base',
];
/** `style` could draw over the page's own buttons; `id` and `name` could clobber the page's elements. */
const FORBIDDEN_ATTRIBUTES = ['style', 'id', 'name', 'srcset', 'formaction', 'action', 'target'];
/** The only classes kept: the Mermaid blocks the page's script draws, and code languages. */
const KEPT_CLASS = /^(mermaid|language-[\w-]+)$/;

const markdown = new Marked({
  gfm: true,
  renderer: {
    // Raw HTML in model or feature text is shown as the text it is: passed on, a stray `<script>`
    // would open a block that DOMPurify then removes whole, taking the rest of the section with it.
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    // Diagrams are drawn in the browser from the block's text, so it stays text here.
    code(token: Tokens.Code) {
      const language = (token.lang ?? '').trim().split(/\s+/)[0] ?? '';
      if (language === 'mermaid') return `<pre class="mermaid">${escapeHtml(token.text)}</pre>\n`;
      const languageClass = /^[\w-]+$/.test(language) ? ` class="language-${language}"` : '';
      return `<pre><code${languageClass}>${escapeHtml(token.text)}</code></pre>\n`;
    },
  },
});

let window: JSDOM['window'] | undefined;

/**
 * Markdown (feature text and model output included) as HTML that is safe to put in a page:
 * rendered by marked, then sanitised by DOMPurify. Links keep only http(s) and relative targets;
 * a bare file name (the pack's own links, e.g. `api_spec_x.yaml`) points at `fileBase` + name.
 */
export function markdownToHtml(text: string, options: { fileBase?: string } = {}): SafeHtml {
  const rendered = markdown.parse(text, { async: false });
  const purify = sanitizer(options.fileBase);
  return trusted(
    purify.sanitize(rendered, {
      USE_PROFILES: { html: true },
      FORBID_TAGS: FORBIDDEN_TAGS,
      FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
    }),
  );
}

function sanitizer(fileBase: string | undefined): DOMPurify {
  window ??= new JSDOM('').window;
  const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'class' && !KEPT_CLASS.test(data.attrValue)) data.keepAttr = false;
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName !== 'A') return;
    const href = safeUrl(node.getAttribute('href') ?? '');
    if (href === undefined) {
      node.removeAttribute('href');
      return;
    }
    if (fileBase && /^[\w][\w.-]*$/.test(href)) node.setAttribute('href', `${fileBase}${encodeURIComponent(href)}`);
    else node.setAttribute('href', href);
    if (!isRelativeUrl(href)) node.setAttribute('rel', 'noopener noreferrer nofollow');
  });
  return purify;
}
