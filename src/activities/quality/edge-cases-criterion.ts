import type { PhaseContents } from '../phases/phase-contents';
import type { Requirements } from '../phases/requirements/schema';
import type { Criterion } from './criterion';
import { EDGE_CASE_KINDS, edgeCaseKinds } from './edge-case-kinds';

export const MIN_EDGE_CASE_KINDS = 4;

type Story = Requirements['userStories'][number];

/**
 * Edge cases judged on what they say: each names the story's own actor or resource, no two stories
 * share one list, and each story covers several kinds of case, not three generic lines.
 */
export const edgeCasesCriterion: Criterion = {
  name: 'edge cases for every user story',
  phase: 'requirements',
  problems: ({ requirements }) => {
    const stories = requirements!.userStories;
    return [...stories.flatMap((story) => storyProblems(story, requirements!)), ...sharedLists(stories)];
  },
};

function storyProblems(story: Story, requirements: PhaseContents['requirements']): string[] {
  if (story.edgeCases.length === 0) return [`${story.id} has no edge cases`];
  const own = ownWords(story, requirements);
  const generic = story.edgeCases.filter((edgeCase) => !stems(edgeCase).some((stem) => own.has(stem)));
  const kinds = new Set(story.edgeCases.flatMap(edgeCaseKinds));
  const missing = EDGE_CASE_KINDS.map(([kind]) => kind).filter((kind) => !kinds.has(kind));
  return [
    ...generic.map((edgeCase) => `${story.id}: "${edgeCase}" names neither the story's actor nor its resource`),
    ...(kinds.size < MIN_EDGE_CASE_KINDS
      ? [
          `${story.id} covers ${kinds.size} kind${kinds.size === 1 ? '' : 's'} of edge case${kinds.size ? ` (${[...kinds].join(', ')})` : ''}; add ${MIN_EDGE_CASE_KINDS - kinds.size} of: ${missing.join(', ')}`,
        ]
      : []),
  ];
}

/** Stories whose edge cases are the same list once ids are set aside: copied, not thought through. */
function sharedLists(stories: Story[]): string[] {
  const byList = new Map<string, string[]>();
  for (const story of stories) {
    const key = story.edgeCases
      .map((edgeCase) =>
        edgeCase
          .toLowerCase()
          .replace(/\b[a-z]{1,3}-[0-9]+(\.[0-9]+)?\b/g, '#')
          .replace(/\s+/g, ' ')
          .trim(),
      )
      .sort()
      .join('\n');
    byList.set(key, [...(byList.get(key) ?? []), story.id]);
  }
  return [...byList.values()]
    .filter((ids) => ids.length > 1)
    .map((ids) => `${ids.join(', ')} share the same edge cases`);
}

/** The words that name the story's actor (asA) and resource (what it wants, and the FRs it serves). */
function ownWords(story: Story, requirements: PhaseContents['requirements']): Set<string> {
  const served = requirements.functional
    .filter((requirement) => story.requirements.includes(requirement.id))
    .map((requirement) => requirement.text);
  return new Set([story.asA, story.iWant, ...served].flatMap(stems));
}

// Words that name nobody and nothing: function words and the filler of story templates.
const FILLER = new Set(
  'the and for with from into onto that this these those their them they its his her our your who what when where which while than then there here have has had can could would should will shall may might must not nor but any all each every some same other another one two use used using get gets make made able want wants need needs like also only just very more most less such via per out off over under about after before again new way ways step steps extra value thing things time times case cases within without being been are was were does did done let lets see sees'.split(
    ' ',
  ),
);

/** Lower-case word stems of three letters or more, filler left out; "invoices" and "invoice" share one. */
function stems(text: string): string[] {
  return (text.toLowerCase().match(/[a-z][a-z0-9]{2,}/g) ?? []).filter((word) => !FILLER.has(word)).map(stem);
}

function stem(word: string): string {
  const bare = word.replace(/(ies|es|s|ing|ed)$/, (suffix) =>
    word.length - suffix.length >= 3 ? (suffix === 'ies' ? 'y' : '') : suffix,
  );
  return bare.slice(0, 5);
}
