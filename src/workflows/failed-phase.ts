import { ApplicationFailure, TemporalFailure } from '@temporalio/workflow';
import { usageOfDetails, type PhaseFailure } from '../shared/phase-failure';
import { isPhaseName } from '../shared/phases';
import type { SpecRunStatus } from '../shared/spec-run';

/**
 * The phase a failed run stopped on, when it stopped while generating one: its revision, the
 * error, and the tokens the failed attempts spent (the activity's failure carries them).
 */
export function failedPhase(status: SpecRunStatus, error: TemporalFailure, message: string): PhaseFailure | undefined {
  const phase = status.phase;
  if (!isPhaseName(phase)) return undefined;
  const entry = status.phases.find((each) => each.name === phase);
  if (entry?.state !== 'running') return undefined;
  const cause =
    error.cause instanceof ApplicationFailure ? error.cause : error instanceof ApplicationFailure ? error : undefined;
  return { phase, revision: entry.revision, error: message, usage: usageOfDetails(cause?.details ?? undefined) };
}
