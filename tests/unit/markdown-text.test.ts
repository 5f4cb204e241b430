import fc from 'fast-check';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { markdownBlock, markdownCode, markdownInline } from '../../src/activities/render/markdown-text';
import { markdownTable } from '../../src/activities/render/markdown-table';
import { unsafeMarkdown } from '../helpers/pack-problems';

/** The text a reader sees once the Markdown is rendered. */
const shown = (markdown: string) =>
  marked
    .parse(markdown, { async: false })
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

function tokenTypes(markdown: string): string[] {
  const types: string[] = [];
  void marked.walkTokens(marked.lexer(markdown), (token) => {
    types.push(token.type);
  });
  return types;
}

describe('text from a request or a model, in a line of Markdown', () => {
  it.each([
    ['a <script> tag', 'Add <script>alert(1)</script> login'],
    ['an HTML comment', 'Export <!-- hidden --> invoices'],
    ['an autolink to a script', 'Open <javascript:alert(1)>'],
    ['a link to a script', 'See [the docs](javascript:alert(1))'],
    ['an image from a script URL', '![x](JaVaScRiPt:alert(1))'],
    ['a link definition', '[docs]: javascript:alert(1)'],
    ['a backslash before a tag', 'C:\\<script>alert(1)</script>'],
    ['a lone backtick before a tag', 'a ` <img src=x onerror=alert(1)>'],
  ])('shows %s as text, with no HTML and no link', (_name, text) => {
    const markdown = `Before ${markdownInline(text)} after.`;
    expect(unsafeMarkdown(markdown)).toEqual([]);
    expect(shown(markdown)).toBe(`Before ${text} after.`);
  });

  it('keeps code spans and emphasis as written', () => {
    expect(markdownInline('Stored as text; a `<script>` tag is **escaped**')).toBe(
      'Stored as text; a `<script>` tag is **escaped**',
    );
  });

  it('puts everything on one line and opens no heading or code fence', () => {
    const markdown = `${markdownInline('# Title\n```\n~~~ x')}\n\n## After`;
    expect(marked.lexer(markdown).map((token) => token.type)).toEqual(['paragraph', 'space', 'heading']);
  });

  it('holds for any text, placed between other text and code spans', () => {
    // Mostly Markdown's own characters, so backtick runs, brackets and tags meet in every order.
    const syntax = fc.string({
      unit: fc.constantFrom(...'`<>[]()\\#~:!=-*_|& \nabjs'.split('')),
      maxLength: 60,
    });
    const text = fc.oneof(syntax, fc.string({ unit: 'grapheme', maxLength: 80 }));
    fc.assert(
      fc.property(text, text, (text, other) => {
        const markdown = `Intro \`code\` ${markdownInline(text)} then ${markdownInline(other)} and \`more\`.\n\n## End`;
        expect(unsafeMarkdown(markdown)).toEqual([]);
        expect(tokenTypes(markdown).filter((type) => ['html', 'link', 'image'].includes(type))).toEqual([]);
        expect(marked.lexer(markdown).at(-1)).toMatchObject({ type: 'heading', text: 'End' });
      }),
      { numRuns: 500 },
    );
  });
});

describe('prose of several paragraphs', () => {
  it('keeps its lines but cannot add a heading, a code fence or HTML', () => {
    const markdown = `${markdownBlock('First.\n\n## 2. Architecture\nA paragraph\n===\n```\n<div onclick=x>')}\n\n## End`;
    const tokens = marked.lexer(markdown);
    expect(tokens.filter((token) => token.type === 'heading').map((token) => token.raw.trim())).toEqual(['## End']);
    expect(unsafeMarkdown(markdown)).toEqual([]);
  });
});

describe('a code span of any text', () => {
  it.each([["default-src 'self'"], ['a`b'], ['`starts with a backtick'], ['two\nlines']])('%j', (text) => {
    expect(shown(`CSP: ${markdownCode(text)}`)).toBe(`CSP: ${text.replace(/\n/g, ' ')}`);
  });
});

describe('a table cell', () => {
  it('keeps the table whole with pipes, line breaks and HTML in a cell', () => {
    const markdown = markdownTable(['A', 'B'], [['x | y\nz <b>', '`a|b`']]);
    const [table] = marked.lexer(markdown);
    expect(table).toMatchObject({ type: 'table', rows: [[{ text: 'x | y z \\<b>' }, { text: '`a|b`' }]] });
    expect(unsafeMarkdown(markdown)).toEqual([]);
  });
});
