import type { OpenQuestion } from '../review/review-types';
import { terminalText } from './terminal-text';

/** Asks each open question with its default; Enter keeps the default. Answered questions are not asked again. */
export async function askAnswers(
  questions: OpenQuestion[],
  ask: (question: string) => Promise<string>,
): Promise<Record<string, string>> {
  const answers: Record<string, string> = {};
  for (const question of questions.filter((candidate) => candidate.answer === null)) {
    const given = (
      await ask(
        `${terminalText(question.id)} ${terminalText(question.question)}\n    [${terminalText(question.suggestedDefault)}] `,
      )
    ).trim();
    answers[question.id] = given || question.suggestedDefault;
  }
  return answers;
}
