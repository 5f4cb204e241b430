import { ActivityFailure, ApplicationFailure, TemporalFailure } from '@temporalio/workflow';
import { usageOfDetails, type PhaseFailure } from '../shared/phase-failure';
import { isPhaseName } from '../shared/phases';
import type { SpecRunStatus } from '../shared/spec-run';

/**
 * The phase a failed run stopped on, when it stopped while generating one: its revision, the
 * error, and the tokens the failed attempts spent (the activity's failure carries them).
 */
export function failedPhase(status: SpecRunStatus, error: TemporalFailure, message: string): PhaseFailure | undefined {
  // Phases generated side by side (no gates) each say which one failed through their activity's name.
  const phase = phaseOfActivity(error) ?? status.phase;
  if (!isPhaseName(phase)) return undefined;
  const entry = status.phases.find((each) => each.name === phase);
  if (entry?.state !== 'running') return undefined;
  const cause =
    error.cause instanceof ApplicationFailure ? error.cause : error instanceof ApplicationFailure ? error : undefined;
  return { phase, revision: entry.revision, error: message, usage: usageOfDetails(cause?.details ?? undefined) };
}

function phaseOfActivity(error: TemporalFailure): string | undefined {
  const name = error instanceof ActivityFailure ? /^generate(\w+)$/.exec(error.activityType)?.[1] : undefined;
  return name ? name[0]!.toLowerCase() + name.slice(1) : undefined;
}
