/** How long records are kept, as an answer states it. */
export interface Retention {
  /** Days kept; undefined when kept indefinitely. */
  days?: number;
  /** The period in words: "90 days", "7 years", "indefinitely". */
  period: string;
}

const PERIOD =
  /(\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|ten|twelve|eighteen|twenty-four|thirty)\s*(days?|weeks?|months?|years?|yrs?)\b/i;
const INDEFINITE =
  /\b(?:forever|indefinitely|permanently|never (?:deleted|purged|removed)|no (?:limit|expiry|expiration)|kept for good)\b/i;
const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  ten: 10,
  twelve: 12,
  eighteen: 18,
  'twenty-four': 24,
  thirty: 30,
};
const DAYS_PER: Record<string, number> = { day: 1, week: 7, month: 30, year: 365, yr: 365 };

/** Reads "90 days", "7 years then archived" or "forever"; undefined when it names no period. */
export function parseRetention(answer: string): Retention | undefined {
  if (INDEFINITE.test(answer)) return { period: 'indefinitely' };
  const match = PERIOD.exec(answer);
  if (!match) return undefined;
  const count = NUMBER_WORDS[match[1]!.toLowerCase()] ?? Number(match[1]!.replace(/,/g, ''));
  const unit = match[2]!.toLowerCase().replace(/s$/, '').replace(/^yr$/, 'year');
  return { days: Math.round(count * DAYS_PER[unit]!), period: `${count} ${unit}${count === 1 ? '' : 's'}` };
}
