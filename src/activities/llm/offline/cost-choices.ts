import { readStackProfile } from '../../context/stack-profile';
import type { Cost } from '../../phases/cost/schema';
import type { PhaseContext } from '../../phases/phase-definition';
import { answerNote, answerProfile } from './answer-profile';

/** What the team's context and the answers decide in the offline cost plan. */
export interface CostChoices {
  load: Cost['load'];
  /** Where the money goes, on the team's stack and cloud. */
  narrative: string;
  /** The commitment discount the team's cloud sells. */
  commitment: string;
}

// Records and their events take about 50 GB for each year they are kept.
const STORAGE_GB_PER_YEAR = 50;
const INDEFINITE_YEARS = 3;

/** The load the answers give (else the suggested defaults), and the team's cloud and stack in the words. */
export function costChoices(context: PhaseContext, subject: string): CostChoices {
  const { database, broker, runtime, cloud, platform } = readStackProfile(context.project?.text);
  const { load, retention } = answerProfile(context);
  const years = retention.days === undefined ? INDEFINITE_YEARS : retention.days / 365;
  const storageGb = Math.max(1, Math.round(STORAGE_GB_PER_YEAR * years));
  return {
    load: {
      peakRequestsPerSecond: load.peakRequestsPerSecond,
      averageRequestsPerSecond: load.averageRequestsPerSecond,
      monthlyActiveUsers: load.monthlyActiveUsers ?? 20_000,
      storageGb,
      transferGb: 200,
    },
    narrative: [
      `The running cost of ${subject}${cloud ? ` on ${cloud.name}` : ''} is dominated by the ${database.name} database and the always-on ${runtime.stated ? `${runtime.label} ` : ''}service instances${platform ? ` on ${platform.name}` : ''}; usage-priced parts (${broker.stated ? broker.technology : 'queue'}, email, transfer) stay small until 10x load.`,
      `Sized for ${load.peakRequestsPerSecond} requests/s at peak and ${load.averageRequestsPerSecond} on average${answerNote(load)}, and ${storageGb} GB of records kept ${retention.period}${answerNote(retention)}.`,
    ].join(' '),
    commitment: cloud?.commitment ?? 'Reserved instances or a savings plan for the database and services (1-year)',
  };
}
