/** The load an answer states, in requests per second. */
export interface Load {
  peakRequestsPerSecond: number;
  averageRequestsPerSecond: number;
  /** Monthly active users, when the answer names a number of users. */
  monthlyActiveUsers?: number;
}

// A figure: "50", "1,500", "2.5k", "3 million".
const FIGURE = String.raw`(\d[\d,]*(?:\.\d+)?)\s*(k|thousand|m|mn|million)?\b`;
const PER_SECOND = String.raw`(?:rps|qps|tps|req(?:uests?)?\s*(?:\/|per|a)\s*s(?:ec(?:ond)?)?|(?:requests?|calls?|queries|transactions?|messages?|events?)?\s*(?:\/|per|a|each)\s*s(?:ec(?:ond)?)?)`;
const PER_MINUTE = String.raw`(?:rpm|(?:requests?|calls?|queries|transactions?|messages?|events?)?\s*(?:\/|per|a|each)\s*min(?:ute)?)`;
const PER_HOUR = String.raw`(?:(?:requests?|calls?|queries|transactions?|messages?|events?)?\s*(?:\/|per|an?|each)\s*h(?:ou)?r)`;
const PER_DAY = String.raw`(?:(?:requests?|calls?|queries|transactions?|messages?|events?)?\s*(?:\/|per|a|each)\s*day|daily)`;
const RATE = new RegExp(
  String.raw`${FIGURE}\s*(?:(${PER_SECOND})|(${PER_MINUTE})|(${PER_HOUR})|(${PER_DAY})|(requests?|calls?|req)\b)?`,
  'gi',
);
const USERS = new RegExp(String.raw`${FIGURE}\s*(?:monthly\s+(?:active\s+)?|active\s+)?users\b`, 'i');
const AVERAGE_WORDS =
  /\b(?:average|avg|mean|typical(?:ly)?|normal(?:ly)?|usual(?:ly)?|steady|baseline|on a normal day)\b/i;
const PEAK_WORDS = /\b(?:peak|max(?:imum)?|burst|spike|at most|top)\b/i;
// Peaks run about four times the average in the default the requirements suggest (200 and 50).
const PEAK_TO_AVERAGE = 4;

/** Reads "50 rps", "1,500 requests per minute at peak, 300 on average" or "2M requests a day"; undefined when it names no rate. */
export function parseLoad(answer: string): Load | undefined {
  let unit: Unit = 'second';
  const rates = [...answer.matchAll(RATE)]
    .filter((match) => !isUsers(answer, match))
    .map((match) => {
      // "1,500 per minute at peak, 300 on average": a bare figure keeps the unit before it.
      unit = unitOf(match) ?? unit;
      return {
        perSecond: figure(match[1]!, match[2]) / SECONDS[unit],
        averageOnly: unit === 'day',
        words: wordsAround(answer, match),
      };
    })
    .filter((rate) => rate.perSecond > 0);
  if (rates.length === 0) return undefined;
  const average =
    rates.find((rate) => AVERAGE_WORDS.test(rate.words) && !PEAK_WORDS.test(rate.words)) ??
    rates.find((rate) => rate.averageOnly);
  const peak = rates.find((rate) => rate !== average) ?? (average ? undefined : rates[0]);
  const users = USERS.exec(answer);
  const peakRequestsPerSecond = round(peak?.perSecond ?? average!.perSecond * PEAK_TO_AVERAGE);
  return {
    peakRequestsPerSecond,
    averageRequestsPerSecond: round(
      Math.min(peakRequestsPerSecond, average?.perSecond ?? Math.max(1, peakRequestsPerSecond / PEAK_TO_AVERAGE)),
    ),
    ...(users ? { monthlyActiveUsers: Math.round(figure(users[1]!, users[2])) } : {}),
  };
}

type Unit = 'second' | 'minute' | 'hour' | 'day';
const SECONDS: Record<Unit, number> = { second: 1, minute: 60, hour: 3600, day: 86_400 };

function unitOf(match: RegExpMatchArray): Unit | undefined {
  if (match[3]) return 'second';
  if (match[4]) return 'minute';
  if (match[5]) return 'hour';
  if (match[6]) return 'day';
  return undefined;
}

function figure(digits: string, scale: string | undefined): number {
  const value = Number(digits.replace(/,/g, ''));
  const multiplier = !scale ? 1 : /^k|thousand/i.test(scale) ? 1_000 : 1_000_000;
  return value * multiplier;
}

function isUsers(answer: string, match: RegExpMatchArray): boolean {
  return /^\s*(?:monthly\s+)?(?:active\s+)?users\b/i.test(answer.slice(match.index! + match[0].length));
}

/** The clause a figure sits in, where "peak" or "on average" says which it is. */
function wordsAround(answer: string, match: RegExpMatchArray): string {
  const start = Math.max(
    0,
    ...[',', ';', '.\u0020', '('].map((stop) => answer.lastIndexOf(stop, match.index! - 1) + 1),
  );
  const ends = [',', ';', '. ', ')']
    .map((stop) => answer.indexOf(stop, match.index! + match[0].length))
    .filter((index) => index !== -1);
  return answer.slice(start, ends.length ? Math.min(...ends) : undefined);
}

function round(value: number): number {
  return value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
}
