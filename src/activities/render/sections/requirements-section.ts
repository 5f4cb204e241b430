import type { Requirements } from '../../phases/requirements/schema';
import { bulletList, markdownTable } from '../markdown-table';
import { userStorySentence } from '../user-story-sentence';
import { markdownBlock, markdownInline } from '../markdown-text';

export function requirementsSection(requirements: Requirements): string {
  const stories = requirements.userStories.map((story) =>
    [
      `#### ${markdownInline(story.id)}: ${markdownInline(userStorySentence(story))}`,
      `Requirements: ${markdownInline(story.requirements.join(', ')) || 'none'}`,
      '',
      markdownTable(
        ['Criterion', 'Given', 'When', 'Then'],
        story.acceptanceCriteria.map((criterion) => [criterion.id, criterion.given, criterion.when, criterion.then]),
      ),
      '',
      'Edge cases:',
      bulletList(story.edgeCases),
    ].join('\n'),
  );
  const questions = requirements.questions.map((question) =>
    question.answer
      ? `${question.id} ${question.question} **Answer:** ${question.answer}`
      : `${question.id} ${question.question} **Assumption (no answer yet):** ${question.suggestedDefault}`,
  );
  return [
    markdownBlock(requirements.summary),
    '### Functional requirements',
    markdownTable(
      ['Id', 'Requirement', 'Priority'],
      requirements.functional.map((requirement) => [requirement.id, requirement.text, requirement.priority]),
    ),
    '### Non-functional requirements',
    markdownTable(
      ['Id', 'Category', 'Requirement'],
      requirements.nonFunctional.map((requirement) => [requirement.id, requirement.category, requirement.text]),
    ),
    '### User stories',
    ...stories,
    '### Open questions and assumptions',
    questions.length ? bulletList(questions) : 'None.',
  ].join('\n\n');
}
