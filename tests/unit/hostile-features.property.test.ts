import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { closeMermaidParser } from '../../src/activities/validate/mermaid-parse';
import { MAX_FEATURE_LENGTH } from '../../src/api/request-schemas';
import { acceptedFeature, hostileFeature, hostilePiece } from '../helpers/hostile-features';
import { offlinePack } from '../helpers/in-process-pack';
import { packProblems, phaseContentProblems } from '../helpers/pack-problems';

afterAll(() => closeMermaidParser());

describe('any feature the API accepts', () => {
  it('makes a valid pack: every check passes, the Markdown has no HTML or script link, ticket titles fit', async () => {
    await fc.assert(
      fc.asyncProperty(hostileFeature, async (feature) => {
        expect(await packProblems(feature)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('features that broke the run before', () => {
  it.each([
    ['a trailing hyphen', 'Export invoices-'],
    ['an arrow between two letters', 'Route X-->Y'],
    ['500 characters of one word', 'A'.repeat(MAX_FEATURE_LENGTH)],
    ['500 characters of words', 'Let admins export invoices as CSV and '.repeat(14).slice(0, MAX_FEATURE_LENGTH)],
    ['a newline and a code fence, as the API hands it on', acceptedFeature('Export invoices\n```\n# Injected')!],
    // The CLI and a workflow started from Temporal do not pass the API: the generator and renderers must hold too.
    ['a newline and a code fence, as sent', 'Export invoices\n```\n# Injected heading\n'],
    ['a newline and a code fence first, as sent', '```\nExport invoices'],
    ['a code fence first', '```mermaid graph TD; A-->B'],
    ['a script tag', 'Add <script>alert(1)</script> login'],
    ['a javascript: link', 'Add [login](javascript:alert(document.cookie)) for admins'],
  ])('%s: %j', async (_name, feature) => {
    expect(await packProblems(feature)).toEqual([]);
  });

  it('a description with HTML, fences, headings, links and a hundred sentences', async () => {
    const description = [
      'Admins export invoices. <script>alert(1)</script>',
      '```',
      '## 2. Architecture',
      '[x](javascript:alert(1)) and [y]: javascript:alert(2)',
      'Heading by underline',
      '===',
      ...Array.from({ length: 100 }, (_, index) => `Rule ${index} applies to every invoice.`),
      'A'.repeat(5000),
    ].join('\n');
    expect(await packProblems('Export invoices', description)).toEqual([]);
  });
});

// The prose a model writes: every one of these fields reaches the pack's Markdown.
const PROSE_FIELDS = new Set(
  'summary text iWant soThat given when then edgeCases question suggestedDefault overview responsibility description boundaries communication dataFlow scaling caching observability purpose migrations retention authorization encryptionAtRest encryptionInTransit inputValidation cors csp threat control mockingStrategy title steps expected exitCriteria signal threshold rollbackProcedure hypothesis metric split alert narrative idea basis technology engine reviewerNotes'.split(
    ' ',
  ),
);

/** Every prose field of the contents with `tail` after its text, as a model might write it. */
function withTail(value: unknown, tail: string, field = ''): unknown {
  if (typeof value === 'string') return PROSE_FIELDS.has(field) ? `${value} ${tail}` : value;
  if (Array.isArray(value)) return value.map((item) => withTail(item, tail, field));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withTail(item, tail, key)]));
  return value;
}

describe('model text with HTML, script links and Markdown in every prose field', () => {
  const phases = offlinePack('Export invoices as CSV');
  phases.requirements.reviewerNotes = ['Revision 2: looks fine'];

  it('keeps a Mermaid comment or directive in a component from ending its diagram line', async () => {
    // Found by the property below: `%%` ended the label's line, inside its quotes.
    const tail = '%%{init: {"theme":"dark"}}%% تصدير الفواتير';
    expect(await phaseContentProblems('Export invoices as CSV', '', withTail(phases, tail) as typeof phases)).toEqual(
      [],
    );
  });

  it('makes a valid pack whose Markdown carries none of it as HTML or a link', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostilePiece, { minLength: 1, maxLength: 8 }), async (pieces) => {
        const tail = pieces.join(' ');
        expect(
          await phaseContentProblems('Export invoices as CSV', '', withTail(phases, tail) as typeof phases),
        ).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
