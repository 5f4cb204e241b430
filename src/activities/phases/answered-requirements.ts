import { topicOf } from '../llm/offline/answer-profile';
import { parseLoad } from '../llm/offline/parse-load';
import { parseRetention } from '../llm/offline/parse-retention';
import type { Requirements } from './requirements/schema';

const THROUGHPUT =
  /\d[\d,.]*\s*(?:k\s*)?(?:(?:requests?|req|calls?|transactions?)\s*(?:per|\/|a)\s*(?:second|sec|s)\b|rps\b|req\/s\b|qps\b)/i;
const PERIOD = /(?:\bfor\s+)?\b\d[\d,]*\s*(?:days?|weeks?|months?|years?)\b/i;
const RETENTION_REQUIREMENT = /retention|retain|kept|delet|purg/i;

/**
 * The approved requirements with the reviewers' answers applied: each question carries its
 * answer, and the non-functional requirements state the answered load and retention instead of
 * the defaults they were written with. What later phases build on and what the pack shows.
 */
export function answeredRequirements(requirements: Requirements, answers: Record<string, string> = {}): Requirements {
  const questions = requirements.questions.map((question) => ({
    ...question,
    answer: answers[question.id] ?? question.answer,
  }));
  const answered = questions.filter((question) => question.answer?.trim());
  if (answered.length === 0) return { ...requirements, questions };
  let nonFunctional = requirements.nonFunctional;
  for (const question of answered) {
    const answer = question.answer!.trim();
    const note = ` (answer to ${question.id})`;
    switch (topicOf(question.question)) {
      case 'load': {
        const load = parseLoad(answer);
        nonFunctional = restateFirst(
          nonFunctional,
          (text) => THROUGHPUT.test(text),
          (text) =>
            load
              ? text.replace(THROUGHPUT, `${load.peakRequestsPerSecond} requests per second${note}`)
              : `${text}${note.replace(')', `: ${answer})`)}`,
        );
        break;
      }
      case 'retention': {
        const retention = parseRetention(answer);
        nonFunctional = restateFirst(
          nonFunctional,
          (text, category) => RETENTION_REQUIREMENT.test(`${category} ${text}`),
          (text) =>
            retention && PERIOD.test(text)
              ? text.replace(
                  PERIOD,
                  (period) =>
                    `${retention.days === undefined ? 'indefinitely' : `${/^for\b/i.test(period) ? 'for ' : ''}${retention.period}`}${note}`,
                )
              : `${text}${note.replace(')', `: ${answer})`)}`,
        );
        break;
      }
      default:
        break;
    }
  }
  return { ...requirements, questions, nonFunctional };
}

/** The first requirement that states what the answer decides, restated; the others unchanged. */
function restateFirst(
  requirements: Requirements['nonFunctional'],
  states: (text: string, category: string) => boolean,
  restate: (text: string) => string,
): Requirements['nonFunctional'] {
  const index = requirements.findIndex((requirement) => states(requirement.text, requirement.category));
  return index === -1
    ? requirements
    : requirements.map((requirement, at) =>
        at === index ? { ...requirement, text: restate(requirement.text) } : requirement,
      );
}
