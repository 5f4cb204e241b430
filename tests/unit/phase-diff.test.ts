import { describe, expect, it } from 'vitest';
import { PHASE_DEFINITIONS } from '../../src/activities/phases/index';
import type { PhaseContents } from '../../src/activities/phases/phase-contents';
import type { PhaseContext } from '../../src/activities/phases/phase-definition';
import { requirementsSection } from '../../src/activities/render/sections/requirements-section';
import { diffRevisions, fieldChanges, lineDiff } from '../../src/review/diff-revisions';
import { phaseItems } from '../../src/review/phase-items';

const FEATURE = 'Add passwordless login with magic links';

function context(overrides: Partial<PhaseContext> = {}): PhaseContext {
  return {
    specId: 'spec-diff-00000001',
    feature: FEATURE,
    description: '',
    revision: 1,
    feedback: [],
    answers: {},
    earlier: {},
    ...overrides,
  };
}

function requirements(feedback: string[] = []): PhaseContents['requirements'] {
  return PHASE_DEFINITIONS.requirements.offline(context({ feedback }));
}

const snapshot = (content: PhaseContents['requirements']) => ({
  items: phaseItems('requirements', content),
  markdown: requirementsSection(content),
});

describe('the phase differ', () => {
  it('shows the requirement a change request added, matched by id, and nothing else as added or removed', () => {
    const before = requirements();
    const after = requirements(['Support single sign-on']);
    const diff = diffRevisions(snapshot(before), snapshot(after));
    const newId = `FR-${before.functional.length + 1}`;
    expect(diff.added).toEqual([
      { id: newId, kind: 'functional requirement', label: 'Reviewer request: Support single sign-on' },
    ]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed.map((item) => item.id)).not.toContain('FR-1');
  });

  it('lists each changed field of an item by its path, with both sides', () => {
    const before = requirements();
    const after = structuredClone(before);
    after.userStories[0]!.acceptanceCriteria[1]!.then = 'it is refused with 404';
    after.functional[1]!.priority = 'could';
    const diff = diffRevisions(snapshot(before), snapshot(after));
    expect(diff.changed).toEqual([
      expect.objectContaining({
        id: 'FR-2',
        fields: [{ path: 'priority', before: before.functional[1]!.priority, after: 'could' }],
      }),
      expect.objectContaining({
        id: 'US-1',
        fields: [
          {
            path: 'acceptanceCriteria.1.then',
            before: before.userStories[0]!.acceptanceCriteria[1]!.then,
            after: 'it is refused with 404',
          },
        ],
      }),
    ]);
  });

  it('reports a list that grew or shrank as one change of the whole list', () => {
    expect(fieldChanges({ requirements: ['FR-1'] }, { requirements: ['FR-1', 'FR-2'] }, '')).toEqual([
      { path: 'requirements', before: ['FR-1'], after: ['FR-1', 'FR-2'] },
    ]);
    expect(fieldChanges({ text: 'same' }, { text: 'same' }, '')).toEqual([]);
    expect(fieldChanges({ answer: null }, { answer: '50 rps' }, '')).toEqual([
      { path: 'answer', before: null, after: '50 rps' },
    ]);
  });

  it('shows removed items, such as an operation dropped from the API', () => {
    const earlier = { requirements: requirements() };
    const api = PHASE_DEFINITIONS.api.offline(context({ earlier }));
    const trimmed = structuredClone(api);
    const dropped = trimmed.resources[0]!.operations.pop()!;
    const items = phaseItems('api', api);
    const operation = items.find(
      (item) => item.kind === 'operation' && item.value === api.resources[0]!.operations.at(-1),
    );
    expect(operation!.id).toMatch(new RegExp(`^(GET|POST|PATCH|DELETE) /${api.version}/${api.resources[0]!.name}`));
    expect(operation!.label).toContain(dropped.summary);
    const diff = diffRevisions({ items, markdown: '' }, { items: phaseItems('api', trimmed), markdown: '' });
    expect(diff.removed).toEqual([{ id: operation!.id, kind: 'operation', label: operation!.label }]);
    expect(diff.added).toEqual([]);
  });

  it('diffs the rendered Markdown line by line, so both texts can be read back from it', () => {
    const before = 'a\nb\nc';
    const after = 'a\nx\nc\nd\n';
    const lines = lineDiff(before, after);
    expect(lines).toEqual([
      { op: ' ', text: 'a' },
      { op: '-', text: 'b' },
      { op: '+', text: 'x' },
      { op: ' ', text: 'c' },
      { op: '+', text: 'd' },
    ]);
    const side = (op: string) =>
      lines
        .filter((line) => line.op !== op)
        .map((line) => line.text)
        .join('\n');
    expect(side('+')).toBe(before);
    expect(side('-')).toBe(after.trimEnd());
  });

  it('shows the table row of the added requirement as an added Markdown line', () => {
    const diff = diffRevisions(snapshot(requirements()), snapshot(requirements(['Support single sign-on'])));
    const added = diff.lines.filter((line) => line.op === '+').map((line) => line.text);
    expect(added).toContainEqual(
      expect.stringMatching(/^\| FR-\d+ \| Reviewer request: Support single sign-on \| should \|$/),
    );
    expect(diff.lines.filter((line) => line.op === ' ').length).toBeGreaterThan(10);
  });
});
