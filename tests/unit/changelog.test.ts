import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { renderChangelog } from '../../src/activities/render/changelog';
import type { PackContents } from '../../src/activities/render/pack-contents';
import { reportSchema } from '../../src/activities/render/report-schema';
import { renderTechnicalSpec, TECHNICAL_SPEC_HEADINGS } from '../../src/activities/render/technical-spec';
import { checkHeadings } from '../../src/activities/validate/markdown-headings';
import type { PhaseChange } from '../../src/shared/spec-run';
import { offlinePack } from '../helpers/in-process-pack';
import { unsafeMarkdown } from '../helpers/pack-problems';

const HOSTILE_COMMENT = 'Add SSO <script>alert(1)</script>\n## Injected heading\n[docs](javascript:alert(1)) | x';

const CHANGES: PhaseChange[] = [
  {
    phase: 'requirements',
    from: 1,
    to: 2,
    reason: 'reopened',
    by: 'ana',
    comment: HOSTILE_COMMENT,
    at: '2025-05-02T10:00:00.000Z',
  },
  { phase: 'architecture', from: 1, to: 2, reason: 'inputs_changed', at: '2025-05-02T10:05:00.000Z' },
  { phase: 'cost', from: 1, to: 1, reason: 'kept', at: '2025-05-02T10:06:00.000Z' },
  { phase: 'rollout', from: 1, to: 1, reason: 'kept', at: '2025-05-02T10:06:00.000Z' },
];

function pack(extra: Partial<PackContents> = {}): PackContents {
  return {
    specId: 'spec-changelog-00000002',
    feature: 'Add passwordless login with magic links',
    description: '',
    slug: 'passwordless-login',
    provenance: 'Generated offline',
    phases: offlinePack('Add passwordless login with magic links'),
    decisions: [],
    ...extra,
  };
}

function headings(markdown: string): string[] {
  return marked.lexer(markdown).flatMap((token) => (token.type === 'heading' ? [token.text as string] : []));
}

describe('the changelog of the technical spec', () => {
  it('names the version and the run it amends', () => {
    const changelog = renderChangelog({ version: 3, amends: 'spec-old-00000001', changes: CHANGES })!;
    expect(changelog).toContain('Version 3 of this spec. It amends run `spec-old-00000001` (version 2).');
  });

  it('lists each regenerated phase with its revisions, reason, author and comment, and the phases kept', () => {
    const changelog = renderChangelog({ version: 1, changes: CHANGES })!;
    const rows = changelog.split('\n').filter((line) => line.startsWith('| '));
    expect(rows[2]).toMatch(/^\| requirements \| 1 → 2 \| reopened \| ana \| Add SSO/);
    expect(rows[3]).toMatch(/^\| architecture \| 1 → 2 \| regenerated: its inputs changed \|  \|  \|/);
    expect(rows).toHaveLength(4);
    expect(changelog).toContain('Kept their approval (inputs unchanged): cost, rollout.');
  });

  it('shows a hostile comment as text: no HTML, no link, no heading, and the table stays whole', () => {
    const changelog = renderChangelog({ version: 2, amends: 'spec-old-00000001', changes: CHANGES })!;
    expect(unsafeMarkdown(changelog)).toEqual([]);
    expect(headings(changelog)).toEqual(['Changelog']);
    const table = marked.lexer(changelog).find((token) => token.type === 'table') as
      { rows: { text: string }[][] } | undefined;
    expect(table?.rows[0]).toHaveLength(6);
    expect(table?.rows[0]![4]!.text).toContain('Injected heading');
  });

  it('is left out of a first version no reopen changed, whose headings still pass the check', () => {
    expect(renderChangelog({ version: 1, changes: [] })).toBeUndefined();
    const spec = renderTechnicalSpec(pack());
    expect(headings(spec)).not.toContain('Changelog');
    expect(checkHeadings('technical spec', spec, TECHNICAL_SPEC_HEADINGS).errors).toEqual([]);
  });

  it('ends the technical spec of an amendment, which passes the same heading check', () => {
    const spec = renderTechnicalSpec(pack({ version: 2, amends: 'spec-old-00000001', changes: CHANGES }));
    expect(headings(spec).at(-1)).toBe('Changelog');
    expect(spec).toContain('Version 2 of this spec.');
    expect(checkHeadings('technical spec', spec, TECHNICAL_SPEC_HEADINGS).errors).toEqual([]);
  });

  it('names an amendment with no change recorded yet, saying no phase was regenerated', () => {
    expect(renderChangelog({ version: 2, amends: 'spec-old-00000001' })).toContain('No phase was regenerated.');
  });

  it('is recorded in the report: version, amends, retries and each change', () => {
    const fields = reportSchema.pick({ version: true, amends: true, retries: true, changes: true });
    expect(fields.parse({ version: 2, amends: 'spec-old-00000001', retries: null, changes: CHANGES }).changes).toEqual(
      CHANGES,
    );
    expect(() => fields.parse({ version: 0, amends: null, retries: null, changes: [] })).toThrow();
  });
});
