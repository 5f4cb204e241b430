import type { PhaseFailure } from '../../shared/phase-failure';
import type { PhaseResult, TokenUsage } from '../../shared/spec-run';

/** The report's account of the phase a failed run stopped on; null for a run that did not fail in a phase. */
export function failureReport(failure: PhaseFailure | undefined): PhaseFailure | null {
  return failure
    ? { phase: failure.phase, revision: failure.revision, error: failure.error, usage: failure.usage }
    : null;
}

/** Tokens of the approved phases and of the failed attempts: what the run cost. */
export function totalUsage(results: PhaseResult[], failure: PhaseFailure | undefined): TokenUsage {
  return [...results.map((result) => result.usage), ...(failure ? [failure.usage] : [])].reduce(
    (sum, usage) => ({ input: sum.input + usage.input, output: sum.output + usage.output }),
    { input: 0, output: 0 },
  );
}
