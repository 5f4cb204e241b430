import type { PhaseContext } from '../../phases/phase-definition';
import { parseAudience, type Audience } from './parse-audience';
import { parseLoad, type Load } from './parse-load';
import { parseRetention, type Retention } from './parse-retention';

/** Where a figure came from: a reviewer's answer to an open question, or its suggested default. */
interface Source {
  answered: boolean;
  /** The question that asks it ("Q-2"), when the requirements have one. */
  question?: string;
}

/** What the answers to the requirements' open questions decide, as the later phases use it. */
export interface AnswerProfile {
  load: Load & Source;
  retention: Retention & Source;
  audience: Audience & Source;
}

type Topic = keyof AnswerProfile;

// What each question asks about, read from its wording (model-written questions too): how it
// opens first ("Who may...", "How long are..."), then the words it uses.
const TOPICS: [Topic, RegExp][] = [
  ['audience', /^\s*(?:who|which (?:users|roles|people))\b/i],
  ['retention', /^\s*how long\b/i],
  ['load', /\b(?:peak|load|traffic|throughput|rps|requests per|volume)\b/i],
  ['retention', /\b(?:kept|retain\w*|retention|purged?|expire\w*|archiv\w*)\b/i],
  ['audience', /\b(?:who|whom|roles?|permissions?|allowed|audience)\b/i],
];
// The offline requirements ask these, in this order; used when no requirements are at hand.
const OFFLINE_QUESTION_IDS: Record<Topic, string> = { audience: 'Q-1', load: 'Q-2', retention: 'Q-3' };
const DEFAULTS = {
  load: { peakRequestsPerSecond: 200, averageRequestsPerSecond: 50 },
  retention: { days: 365, period: '365 days' },
  audience: 'signed-in users',
};

/** Each topic's answer, else the suggested default, else the offline generator's own default. */
export function answerProfile(context: Pick<PhaseContext, 'answers' | 'earlier'>): AnswerProfile {
  const questions = context.earlier.requirements?.questions ?? [];
  const asked = (topic: Topic) => {
    const question =
      questions.find((candidate) => topicOf(candidate.question) === topic) ??
      (questions.length ? undefined : { id: OFFLINE_QUESTION_IDS[topic], suggestedDefault: undefined, answer: null });
    const answer = question && (context.answers[question.id] ?? question.answer ?? undefined);
    return { question: question?.id, answer: answer?.trim() || undefined, suggested: question?.suggestedDefault };
  };
  const load = asked('load');
  const retention = asked('retention');
  const audience = asked('audience');
  const answeredLoad = load.answer ? parseLoad(load.answer) : undefined;
  return {
    load: {
      ...(answeredLoad ?? (load.suggested ? parseLoad(load.suggested) : undefined) ?? DEFAULTS.load),
      answered: Boolean(answeredLoad),
      ...idOf(load),
    },
    retention: {
      ...(retention.answer
        ? (parseRetention(retention.answer) ?? { period: retention.answer })
        : ((retention.suggested ? parseRetention(retention.suggested) : undefined) ?? DEFAULTS.retention)),
      answered: Boolean(retention.answer),
      ...idOf(retention),
    },
    audience: {
      ...parseAudience(audience.answer ?? audience.suggested ?? DEFAULTS.audience),
      answered: Boolean(audience.answer),
      ...idOf(audience),
    },
  };
}

/** "(answer to Q-2)" after a figure a reviewer decided; nothing after a default. */
export function answerNote(source: Source): string {
  return source.answered && source.question ? ` (answer to ${source.question})` : '';
}

export function topicOf(question: string): Topic | undefined {
  return TOPICS.find(([, pattern]) => pattern.test(question))?.[0];
}

function idOf(asked: { question?: string }): { question?: string } {
  return asked.question ? { question: asked.question } : {};
}
