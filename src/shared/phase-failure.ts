import type { PhaseName } from './phases';
import type { TokenUsage } from './spec-run';

/** What a phase activity's failure carries as its first detail: the tokens its failed attempts spent. */
export interface FailureDetails {
  usage: TokenUsage;
}

/** The phase a failed run stopped on, as its report records it. */
export interface PhaseFailure {
  phase: PhaseName;
  revision: number;
  error: string;
  /** Tokens spent on the attempts that failed, as far as the failure reported them. */
  usage: TokenUsage;
}

/** The usage a failure's details carry; none when it carries none (an older worker, or no call made). */
export function usageOfDetails(details: readonly unknown[] | undefined): TokenUsage {
  const usage = (details?.[0] as Partial<FailureDetails> | undefined)?.usage;
  const count = (value: unknown) =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.round(value) : 0;
  return { input: count(usage?.input), output: count(usage?.output) };
}
